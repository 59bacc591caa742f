import type { BackendCapability, WeightGranularity, WeightingContext, WeightingStrategy } from '@polycam/core';
import type { GradientScore } from '../gradients/GradientScore.js';
import type { GradientStrategyOptions } from '../gradients/GradientStrategyOptions.js';
import { layerGradientOf } from '../gradients/layerGradientOf.js';

/**
 * Layer-CAM (Jiang et al., "LayerCAM: Exploring Hierarchical Class Activation Maps for
 * Localization", IEEE TIP 2021): every activation element weighs its own positive gradient,
 * `W_k(i, j) = ReLU(∂S/∂A_k(i, j))`, so the layer's CAM is `ReLU(Σ_k W_k ⊙ A_k)`; S is the
 * class's score before the softmax by default. Element-wise weights (`element` granularity);
 * one gradient per layer; it needs the `gradients` capability. The `layer-cam` preset fuses
 * several layers with {@link LayerCamFusion}.
 */
export class LayerCamStrategy implements WeightingStrategy {
  /** `layer-cam`. */
  public readonly id = 'layer-cam';
  /** What it computes. */
  public readonly description = 'Layer-CAM: W_k(i,j) = ReLU(∂S/∂A_k(i,j)), element-wise';
  /** Forward passes and gradients. */
  public readonly requires: readonly BackendCapability[] = ['forward', 'gradients'];
  /** One weight per activation element. */
  public readonly granularity: WeightGranularity = 'element';
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
   * @returns `ReLU(∂S/∂A)`, K·h·w values.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted`, or `unsupported-capability` without gradients.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const gradient = await layerGradientOf(context, this.#score);
    return gradient.map((value) => (value > 0 ? value : 0));
  }
}
