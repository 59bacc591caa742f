/**
 * One tensor of an ONNX model as read from its `TensorProto`, such as an initialiser returned by
 * {@link readInitializers}.
 */
export interface DecodedTensor {
  /** The tensor's name (empty when it has none). */
  readonly name: string;
  /** Its shape; `[]` for a scalar. */
  readonly dims: readonly number[];
  /** Its ONNX element type (1 is float32; 0 when not declared). */
  readonly dataType: number;
  /**
   * Its values in row-major order when it is a float32 tensor stored in the model itself
   * (`raw_data` or `float_data`); undefined for any other element type and for tensors kept in
   * external files.
   */
  readonly values: Float32Array | undefined;
}
