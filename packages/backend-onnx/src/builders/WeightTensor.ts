/**
 * A float32 weight tensor of a built model (an ONNX initializer), row-major.
 */
export interface WeightTensor {
  /** Its shape, such as `[out, in, kh, kw]` for a convolution kernel or `[out, in]` for a Gemm. */
  readonly dims: readonly number[];
  /** Its values in row-major order. */
  readonly data: Float32Array;
}
