import type { Tensor } from '../tensor/Tensor.js';

/**
 * One batched forward run.
 */
export interface RunRequest {
  /** The batch of preprocessed images, `[N, C, H, W]` (NCHW, whatever the model's layout). */
  readonly input: Tensor;
  /**
   * Names of intermediate tensors to return, from {@link ModelDescription.layers}. Omit for a
   * plain run that returns only the output.
   */
  readonly taps?: readonly string[];
}
