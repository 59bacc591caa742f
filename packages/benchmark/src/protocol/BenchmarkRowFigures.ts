import type { BenchmarkRow } from '../rows/BenchmarkRow.js';

/** One row's figures, each a mean over the images (the paper's Table 1, with localisation and cost). */
export interface BenchmarkRowFigures {
  /** The row. */
  readonly row: BenchmarkRow;
  /** Insertion AUC, for the predicted class. */
  readonly insertion: number;
  /** Deletion AUC. */
  readonly deletion: number;
  /** Insertion minus deletion AUC. */
  readonly insertionMinusDeletion: number;
  /** The share of images whose fused map (before normalisation) peaks inside the object. */
  readonly pointingGame: number;
  /** The share of the map's energy inside the object. */
  readonly energyInObject: number;
  /** Forward passes per map. */
  readonly passes: number;
  /** Milliseconds per map. */
  readonly ms: number;
  /** The mean insertion curve, one score per step. */
  readonly insertionCurve: Float64Array;
  /** The mean deletion curve. */
  readonly deletionCurve: Float64Array;
}
