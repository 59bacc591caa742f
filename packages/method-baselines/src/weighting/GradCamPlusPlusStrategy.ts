import type { Tensor, WeightGranularity } from '@polycam/core';
import { GradientWeightingStrategy } from '../gradients/GradientWeightingStrategy.js';

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
export class GradCamPlusPlusStrategy extends GradientWeightingStrategy {
  public readonly id = 'grad-cam++';
  /** One weight per channel. */
  public readonly granularity: WeightGranularity = 'channel';
  public readonly description = 'Grad-CAM++: w_k = Σ_ij g²/(2g² + ΣA·g³) · ReLU(g)';

  /**
   * @param gradient - `∂S/∂A`.
   * @param activation - The layer's activation.
   * @returns `Σ_ij α_k(i, j) ReLU(g)` for each channel.
   */
  protected weigh(gradient: Float32Array, activation: Tensor): Float32Array {
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
