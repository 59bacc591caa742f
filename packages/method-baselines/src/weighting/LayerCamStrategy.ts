import type { Tensor, WeightGranularity } from '@polycam/core';
import { GradientWeightingStrategy } from '../gradients/GradientWeightingStrategy.js';

/**
 * Layer-CAM (Jiang et al., "LayerCAM: Exploring Hierarchical Class Activation Maps for
 * Localization", IEEE TIP 2021): every activation element weighs its own positive gradient,
 * `W_k(i, j) = ReLU(∂S/∂A_k(i, j))`, so the layer's CAM is `ReLU(Σ_k W_k ⊙ A_k)`; S is the
 * class's score before the softmax by default. Element-wise weights (`element` granularity);
 * one gradient per layer; it needs the `gradients` capability. The `layer-cam` preset fuses
 * several layers with {@link LayerCamFusion}.
 */
export class LayerCamStrategy extends GradientWeightingStrategy {
  public readonly id = 'layer-cam';
  public readonly description = 'Layer-CAM: W_k(i,j) = ReLU(∂S/∂A_k(i,j)), element-wise';
  /** One weight per activation element. */
  public readonly granularity: WeightGranularity = 'element';

  /**
   * @param gradient - `∂S/∂A`.
   * @param activation - The layer's activation.
   * @returns `ReLU(∂S/∂A)`, K·h·w values.
   */
  protected weigh(gradient: Float32Array, activation: Tensor): Float32Array {
    return gradient.map((value) => (value > 0 ? value : 0));
  }
}
