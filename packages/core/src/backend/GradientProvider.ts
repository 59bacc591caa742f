import type { Tensor } from '../tensor/Tensor.js';
import type { TargetFunction } from '../target/TargetFunction.js';

/**
 * The optional gradient capability of a backend: the derivative of a target score with respect
 * to a layer's activation. A backend that cannot differentiate (ONNX Runtime) simply has none;
 * it does not carry a method that throws.
 */
export interface GradientProvider {
  /**
   * Computes `∂ score / ∂ A_layer` for one image.
   *
   * @param input - One preprocessed image, `[1, C, H, W]`.
   * @param layer - The tensor name of the layer.
   * @param target - The score to differentiate.
   * @param signal - Cancels the work.
   * @returns The activation `[K, h, w]` and its gradient `[K, h, w]`.
   */
  layerGradient(
    input: Tensor,
    layer: string,
    target: TargetFunction,
    signal?: AbortSignal,
  ): Promise<{
    /** The layer's activation on the input, `[K, h, w]`. */
    readonly activation: Tensor;
    /** The target score's gradient with respect to that activation, `[K, h, w]`. */
    readonly gradient: Tensor;
  }>;
}
