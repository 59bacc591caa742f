import type { BackendCapability, WeightingContext, WeightingStrategy } from '@polycam/core';
import type { GradientScore } from '../gradients/GradientScore.js';
import type { GradientStrategyOptions } from '../gradients/GradientStrategyOptions.js';
import { layerGradientOf } from '../gradients/layerGradientOf.js';

/**
 * Grad-CAM++ (Chattopadhay et al., "Grad-CAM++: Improved Visual Explanations for Deep
 * Convolutional Networks", WACV 2018), in the closed form of its eq. 19 with the exponential
 * score: with `g = ∂S/∂A_k(i, j)`,
 * `α_k(i, j) = g² / (2 g² + Σ_ab A_k(a, b) · g³)` (0 where the denominator is 0) and
 * `w_k = Σ_ij α_k(i, j) · ReLU(g)`. S is the class's score before the softmax by default; the
 * constant factor `exp(S)` is dropped, as every implementation does. The CAM is
 * `ReLU(Σ_k w_k A_k)`.
 *
 * The denominator's sum multiplies `Σ_ab A_k(a, b)` by the third power at (i, j), as the paper
 * and its authors' code write it; torchcam sums `A_k(a, b) · g(a, b)³` instead.
 */
export class GradCamPlusPlusStrategy implements WeightingStrategy {
  /** `grad-cam++`. */
  public readonly id = 'grad-cam++';
  /** What it computes. */
  public readonly description = 'Grad-CAM++: w_k = Σ_ij g²/(2g² + ΣA·g³) · ReLU(g)';
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
   * @returns `Σ_ij α_k(i, j) ReLU(g)` for each channel.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted`, or `unsupported-capability` without gradients.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const gradient = await layerGradientOf(context, this.#score);
    const { activation } = context;
    const [channels, height, width] = activation.shape as [number, number, number];
    const size = height * width;
    return Float32Array.from({ length: channels }, (_, k) => {
      let activationSum = 0;
      for (let index = k * size; index < (k + 1) * size; index += 1) activationSum += activation.data[index]!;
      let weight = 0;
      for (let index = k * size; index < (k + 1) * size; index += 1) {
        const g = gradient[index]!;
        const denominator = 2 * g * g + activationSum * g * g * g;
        if (g > 0 && denominator !== 0) weight += ((g * g) / denominator) * g;
      }
      return Number.isFinite(weight) ? weight : 0;
    });
  }
}
