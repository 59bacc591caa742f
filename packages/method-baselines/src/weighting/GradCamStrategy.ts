import type { BackendCapability, WeightingContext, WeightingStrategy } from '@polycam/core';
import type { GradientScore } from '../gradients/GradientScore.js';
import type { GradientStrategyOptions } from '../gradients/GradientStrategyOptions.js';
import { layerGradientOf } from '../gradients/layerGradientOf.js';

/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization", ICCV 2017): each channel weighs the spatial mean of the
 * score's gradient, `w_k = (1 / hw) Σ_ij ∂S/∂A_k(i, j)`, where S is the class's score before
 * the softmax by default. The CAM is `ReLU(Σ_k w_k A_k)`. One gradient (a forward and a
 * backward pass) per layer; it needs the `gradients` capability.
 */
export class GradCamStrategy implements WeightingStrategy {
  /** `grad-cam`. */
  public readonly id = 'grad-cam';
  /** What it computes. */
  public readonly description = 'Grad-CAM: w_k = mean_ij ∂S/∂A_k(i,j)';
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
   * @returns The mean gradient of each channel.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted`, or `unsupported-capability` without gradients.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const gradient = await layerGradientOf(context, this.#score);
    const [channels, height, width] = context.activation.shape as [number, number, number];
    const size = height * width;
    return Float32Array.from({ length: channels }, (_, k) => {
      let sum = 0;
      for (let index = k * size; index < (k + 1) * size; index += 1) sum += gradient[index]!;
      return sum / size;
    });
  }
}
