import type { Tensor, WeightGranularity } from '@polycam/core';
import { GradientWeightingStrategy } from '../gradients/GradientWeightingStrategy.js';

/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization", ICCV 2017): each channel weighs the spatial mean of the
 * score's gradient, `w_k = (1 / hw) Σ_ij ∂S/∂A_k(i, j)`, where S is the class's score before
 * the softmax by default. The CAM is `ReLU(Σ_k w_k A_k)`. One gradient (a forward and a
 * backward pass) per layer; it needs the `gradients` capability.
 */
export class GradCamStrategy extends GradientWeightingStrategy {
  public readonly id = 'grad-cam';
  /** One weight per channel. */
  public readonly granularity: WeightGranularity = 'channel';
  public readonly description = 'Grad-CAM: w_k = mean_ij ∂S/∂A_k(i,j)';

  /**
   * @param gradient - `∂S/∂A`.
   * @param activation - The layer's activation.
   * @returns The mean gradient of each channel.
   */
  protected weigh(gradient: Float32Array, activation: Tensor): Float32Array {
    const [channels, height, width] = activation.shape as [number, number, number];
    const size = height * width;
    return Float32Array.from({ length: channels }, (_, k) => {
      let sum = 0;
      for (let index = k * size; index < (k + 1) * size; index += 1) sum += gradient[index]!;
      return sum / size;
    });
  }
}
