import type { Tensor } from '@polycam/core';
import type { ChannelMaskPlan } from '@polycam/core/masking';

/**
 * One layer's channels as a pass-budget rule sees them: the distinct non-zero masks, which
 * each cost the strategy's passes, and the all-zero ones, which share one plane.
 *
 * @internal
 */
export interface LayerSurvey {
  /** The layer's activation, `[K, h, w]`. */
  readonly activation: Tensor;
  /** Its masks `u(A^k)` and their kinds. */
  readonly plan: ChannelMaskPlan;
  /** The first channel of each distinct non-zero mask, in increasing order. */
  readonly distinct: readonly number[];
  /** Whether an all-zero mask comes from a channel that is not all zero (a constant one), so
   * that its weight changes the map. */
  readonly liveZero: boolean;
}
