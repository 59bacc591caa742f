import type { RelevanceCurveOptions } from '../faithfulness/RelevanceCurveOptions.js';
import type { RoadOptions } from '../road/RoadOptions.js';
import type { FaithfulnessMetric } from './FaithfulnessMetric.js';

/**
 * Options of {@link evaluateFaithfulness}: the curves' own options (steps, baseline, batch size,
 * class or target and cancellation, with their defaults, the authors' protocol), the measures to compute,
 * and one progress callback for the whole set.
 */
export interface FaithfulnessOptions extends Omit<RelevanceCurveOptions, 'onProgress'> {
  /**
   * The measures to compute, each once. Default: the paper's, `insertion`, `deletion` and
   * `drop-increase`; `road` only when named.
   */
  readonly metrics?: readonly FaithfulnessMetric[];
  /** ROAD's percentiles, noise and seed (pytorch-grad-cam's defaults: 10, 20, …, 90; 0.01; seed 0). */
  readonly road?: Pick<RoadOptions, 'percentiles' | 'noise' | 'seed'>;
  /**
   * Called with `0` before the first pass and then as the work goes, with the units done and
   * their total: each curve step is a unit, and so is each image's drop-and-increase pass and
   * each image ROAD scores (the unperturbed one and `2·P` perturbed ones).
   */
  readonly onProgress?: (done: number, total: number) => void;
}
