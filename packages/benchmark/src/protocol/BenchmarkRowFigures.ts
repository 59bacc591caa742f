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
  /**
   * ROAD's means over the images, when the options asked for it: MoRF (score change with the
   * most relevant pixels removed and imputed; lower is better), LeRF (the least relevant; higher
   * is better) and combined, `(LeRF − MoRF) / 2` (higher is better).
   */
  readonly road?: {
    /** Mean MoRF, averaged over the percentiles. */
    readonly mostRelevantFirst: number;
    /** Mean LeRF, averaged over the percentiles. */
    readonly leastRelevantFirst: number;
    /** Mean combined score. */
    readonly combined: number;
  };
  /** Forward passes per map. */
  readonly passes: number;
  /** Milliseconds per map. */
  readonly ms: number;
  /** The mean insertion curve, one score per step. */
  readonly insertionCurve: Float64Array;
  /** The mean deletion curve. */
  readonly deletionCurve: Float64Array;
}
