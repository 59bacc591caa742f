import type { Tensor } from '../tensor/Tensor.js';

/**
 * How a {@link PassBudgetRule} approximates one layer: the planes the strategy weighs in place
 * of the layer's K channels (the *probes*), and how the probes' weights become K channel weights.
 */
export interface LayerApproximation {
  /**
   * The planes to weigh, `[G, h, w]` at the layer's resolution: a channel's own plane (its
   * weight is then exact), or a plane that stands for several channels, such as their mean
   * mask. The strategy weighs them as if they were the layer's activation.
   */
  readonly probes: Tensor;
  /**
   * Turns the G probe weights into the layer's K channel weights.
   *
   * @param weights - The strategy's weights of the probes, G values.
   * @returns K channel weights.
   */
  expand(weights: Float32Array): Float32Array;
  /** How many channels get their own, exact weight (their probe is their own plane). */
  readonly exact: number;
  /** How many channels share a probe with other channels. */
  readonly grouped: number;
  /** How many channels get no score at all (a weight the rule estimates without a pass). */
  readonly unscored: number;
}
