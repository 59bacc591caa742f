import type { Tensor } from '../tensor/Tensor.js';

/**
 * One batch of masked images, given as one image and low-resolution masks.
 */
export interface MaskedRunRequest {
  /** The unmasked preprocessed image `X`, `[1, C, H, W]` (NCHW). */
  readonly image: Tensor;
  /** N masks `[N, h, w]`, each upsampled to H×W before multiplying. */
  readonly masks: Tensor;
}
