import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';

const { tensor: TENSOR, dataType: DATA_TYPE } = onnxFields;

/**
 * Encodes a constant tensor (an initializer) as an ONNX `TensorProto`: float32 values from a
 * `Float32Array`, int64 values from a `BigInt64Array`, stored little-endian in `raw_data`.
 *
 * @internal
 * @param name - The tensor's name.
 * @param data - Its values, row-major.
 * @returns The message's bytes.
 */
export function encodeTensor(name: string, dims: readonly number[], data: Float32Array | BigInt64Array): Uint8Array {
  const raw = new Uint8Array(data.byteLength);
  const view = new DataView(raw.buffer);
  data.forEach((value: number | bigint, index: number) => {
    if (typeof value === 'bigint') view.setBigInt64(index * 8, value, true);
    else view.setFloat32(index * 4, value, true);
  });
  const writer = new ProtoMessageWriter();
  dims.forEach((dim) => writer.int(TENSOR.dims, dim));
  return writer
    .int(TENSOR.dataType, data instanceof Float32Array ? DATA_TYPE.float : DATA_TYPE.int64)
    .string(TENSOR.name, name)
    .bytes(TENSOR.rawData, raw)
    .finish();
}
