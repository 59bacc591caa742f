import type { Tensor } from '../tensor/Tensor.js';

/**
 * The result of one batched forward run.
 */
export interface RunResult {
  /** The model's output for each image, `[N, K]`. */
  readonly output: Tensor;
  /**
   * The requested taps, each `[N, K_l, h_l, w_l]` (channels first) for a spatial layer, keyed by
   * tensor name. Empty when no taps were requested.
   */
  readonly activations: ReadonlyMap<string, Tensor>;
}
