import type { RelevanceBaseline } from '../faithfulness/RelevanceBaseline.js';
import type { FaithfulnessMetric } from './FaithfulnessMetric.js';

/** Options of {@link evaluateFaithfulness}; the defaults are the authors' protocol. */
export interface FaithfulnessOptions {
  /** The measures to compute, each once. Default: all of {@link faithfulnessMetrics}. */
  readonly metrics?: readonly FaithfulnessMetric[];
  /** Steps of the insertion and deletion curves, at most `H·W`. Default 224. */
  readonly steps?: number;
  /** What the curves' switched-out pixels hold. Default `'blur'`. */
  readonly baseline?: RelevanceBaseline;
  /** Curve images per model run. Default 32. */
  readonly batchSize?: number;
  /** The class scored on every image. Default: each image's argmax. */
  readonly classIndex?: number;
  /** Cancels the work between batches. */
  readonly signal?: AbortSignal;
  /**
   * Called with `0` before the first pass and then as the work goes, with the units done and
   * their total: each curve step is a unit, and so is each image's drop-and-increase pass.
   */
  readonly onProgress?: (done: number, total: number) => void;
}
