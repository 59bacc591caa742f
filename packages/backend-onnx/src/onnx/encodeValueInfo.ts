import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';

const F = onnxFields;

/**
 * Encodes a float32 graph input or output as an ONNX `ValueInfoProto`.
 *
 * @internal
 * @param name - The tensor's name.
 * @param dims - Each axis: a fixed size, or a symbolic name for a dynamic axis.
 * @returns The message's bytes.
 */
export function encodeValueInfo(name: string, dims: readonly (number | string)[]): Uint8Array {
  const shape = new ProtoMessageWriter();
  for (const dim of dims) {
    const dimension = new ProtoMessageWriter();
    if (typeof dim === 'number') dimension.int(F.dimension.value, dim);
    else dimension.string(F.dimension.param, dim);
    shape.bytes(F.shape.dim, dimension.finish());
  }
  const tensorType = new ProtoMessageWriter()
    .int(F.tensorType.elementType, F.dataType.float)
    .bytes(F.tensorType.shape, shape.finish())
    .finish();
  const type = new ProtoMessageWriter().bytes(F.type.tensor, tensorType).finish();
  return new ProtoMessageWriter().string(F.valueInfo.name, name).bytes(F.valueInfo.type, type).finish();
}
