import type { MaskedRunRequest } from './MaskedRunRequest.js';
import type { RunResult } from './RunResult.js';

/**
 * The optional `masked-inputs` capability: run the model on `X ⊙ resize(M_i)` for a batch of
 * low-resolution masks, where `resize` is bilinear with half-pixel centres (PyTorch's
 * `align_corners=False`) to the input's size and the product broadcasts over channels.
 *
 * It computes exactly what a plain run on the masked images computes, but lets a runtime build
 * the masked images itself (in its own optimised kernels) from a payload that is C·(H·W)/(h·w)
 * times smaller. Masked-scoring helpers use it when a backend has it and fall back to building
 * the images in JavaScript otherwise.
 */
export interface MaskedInputRunner {
  /**
   * Runs the masked images through the model.
   *
   * @param request - The image and the masks.
   * @param signal - Aborts between sub-batches.
   * @returns The outputs `[N, K]`; no activations.
   * @throws {@link PolycamError} `invalid-argument` for mismatched shapes, `aborted`,
   *   `backend-failure`.
   */
  runMasked(request: MaskedRunRequest, signal?: AbortSignal): Promise<RunResult>;
}
