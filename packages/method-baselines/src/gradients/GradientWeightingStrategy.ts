import type { BackendCapability, Tensor, WeightGranularity, WeightingContext, WeightingStrategy } from '@polycam/core';
import type { GradientScore } from './GradientScore.js';
import type { GradientStrategyOptions } from './GradientStrategyOptions.js';
import { layerGradientOf } from './layerGradientOf.js';

/**
 * What the gradient CAMs share: one gradient of the chosen score per layer (the `gradients`
 * capability), turned into weights by each method's own formula ({@link
 * GradientWeightingStrategy.weigh}).
 */
export abstract class GradientWeightingStrategy implements WeightingStrategy {
  /** The strategy's id. */
  public abstract readonly id: string;
  public abstract readonly description: string;
  /** One weight per channel, or per activation element. */
  public abstract readonly granularity: WeightGranularity;
  /** Forward passes and gradients. */
  public readonly requires: readonly BackendCapability[] = ['forward', 'gradients'];
  readonly #score: GradientScore;

  /**
   * @param options - Which score to differentiate (default the class logit).
   */
  public constructor(options: GradientStrategyOptions = {}) {
    this.#score = options.score ?? 'logit';
  }

  /**
   * @returns 1: one gradient per layer.
   */
  public plannedEvaluations(): number {
    return 1;
  }

  /**
   * @param context - The layer and the image.
   * @returns The weights {@link GradientWeightingStrategy.weigh} derives from the gradient.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted`, or `unsupported-capability` without gradients.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    return this.weigh(await layerGradientOf(context, this.#score), context.activation);
  }

  /**
   * The method's formula.
   *
   * @param gradient - `∂S/∂A`, `[K, h, w]` values in the activation's order.
   * @param activation - The layer's activation `A`, `[K, h, w]`.
   * @returns K weights, or K·h·w for `element` granularity.
   */
  protected abstract weigh(gradient: Float32Array, activation: Tensor): Float32Array;
}
