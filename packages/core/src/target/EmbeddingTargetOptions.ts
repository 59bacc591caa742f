/**
 * The options of the built-in `embedding` target ({@link EmbeddingTargetPlugin}).
 */
export interface EmbeddingTargetOptions {
  /**
   * The reference embedding `r`: `output.size` values, read row-major like the output (the
   * model's output on a reference image, or a vector from a `.npy` file); not all zero.
   */
  readonly reference: Float32Array;
}
