import type { RelevanceCurveOptions } from '../faithfulness/RelevanceCurveOptions.js';
import type { FaithfulnessMetric } from './FaithfulnessMetric.js';

/**
 * Options of {@link evaluateFaithfulness}: the curves' own options (steps, baseline, batch size,
 * class and cancellation, with their defaults, the authors' protocol), the measures to compute,
 * and one progress callback for the whole set.
 */
export interface FaithfulnessOptions extends Omit<RelevanceCurveOptions, 'onProgress'> {
  /** The measures to compute, each once. Default: all of {@link faithfulnessMetrics}. */
  readonly metrics?: readonly FaithfulnessMetric[];
  /**
   * Called with `0` before the first pass and then as the work goes, with the units done and
   * their total: each curve step is a unit, and so is each image's drop-and-increase pass.
   */
  readonly onProgress?: (done: number, total: number) => void;
}
