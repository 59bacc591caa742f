import type { BackendCapability } from '../backend/BackendCapability.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { WeightGranularity } from './WeightGranularity.js';
import type { WeightingContext } from './WeightingContext.js';

/**
 * A way to weigh the channels of one layer: the point where Poly-CAM's CIC, CDC and CVC plug in,
 * and where third parties add their own. A strategy is stateless between calls: everything it
 * needs comes in the {@link WeightingContext}.
 *
 * Bind one in a container module under `TOKENS.WeightingStrategy`, and check it with
 * `describeWeightingStrategyConformance` from `@polycam/core/testing`.
 *
 * @example
 * ```ts
 * const activationMean: WeightingStrategy = {
 *   id: 'activation-mean',
 *   description: 'weighs each channel by its mean activation (no forward pass)',
 *   requires: ['forward'],
 *   plannedEvaluations: () => 0,
 *   async computeWeights({ activation }) {
 *     const [channels, height, width] = activation.shape as [number, number, number];
 *     const weights = new Float32Array(channels);
 *     for (let k = 0; k < channels; k += 1) {
 *       const plane = activation.data.subarray(k * height * width, (k + 1) * height * width);
 *       weights[k] = plane.reduce((sum, value) => sum + value, 0) / plane.length;
 *     }
 *     return weights;
 *   },
 * };
 * ```
 */
export interface WeightingStrategy {
  /** A unique id, such as `cic`. */
  readonly id: string;
  /** One line on what it computes, for `polycam methods` and the docs. */
  readonly description: string;
  /**
   * The backend capabilities it needs. The explainer checks them before any inference and
   * fails with `unsupported-capability` when one is missing.
   */
  readonly requires: readonly BackendCapability[];
  /**
   * Whether {@link WeightingStrategy.computeWeights} returns one weight per channel (K values,
   * the default when absent) or one per activation element (K·h·w values, as Layer-CAM).
   */
  readonly granularity?: WeightGranularity;
  /**
   * How many evaluations (masked images) weighing a layer of `channels` channels takes before
   * shortcuts; the progress total. Each one is later reported once to the ledger, as run or
   * saved. A gradient (`backend.gradients.layerGradient`) counts as one evaluation: one image
   * through the model, forward and backward.
   *
   * @param channels - The layer's channel count K.
   * @returns The planned number of evaluations.
   */
  plannedEvaluations(channels: number): number;
  /**
   * The exact number of forward passes {@link WeightingStrategy.computeWeights} runs on this
   * activation, after the strategy's exact shortcuts. Optional: a strategy that declares it
   * lets the explainer honour a pass budget (`ExplainRequest.maxPasses`), by handing it fewer
   * planes, or planes that stand for several channels, as its activation. Declare it only when
   * each channel's weight depends on that channel's own plane (and the image and model) alone,
   * never on the other channels; the conformance suite checks both promises.
   *
   * @param activation - The planes to weigh, `[K, h, w]`.
   * @returns The passes `computeWeights` would report to the ledger as run.
   */
  passesFor?(activation: Tensor): number;
  /**
   * Weighs the layer's channels.
   *
   * @param context - The layer, the image, the model and the accounting for this call.
   * @returns Finite weights: one per channel (K values) for `channel` granularity, or one per
   *   activation element (K·h·w values, `[K, h, w]` order) for `element` granularity.
   * @throws {@link PolycamError} `aborted` when the context's signal fires.
   */
  computeWeights(context: WeightingContext): Promise<Float32Array>;
}
