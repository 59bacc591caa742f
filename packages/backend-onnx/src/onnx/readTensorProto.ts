import { PolycamError } from '@polycam/core';
import { concatenateBytes } from './concatenateBytes.js';
import type { DecodedTensor } from './DecodedTensor.js';
import { onnxFields } from './onnxFields.js';
import { readProtoFields } from './readProtoFields.js';

const { tensor: TENSOR, dataType: DATA_TYPE } = onnxFields;
/** `TensorProto.float_data`: repeated float, usually packed. */
const FLOAT_DATA = 4;
/** `TensorProto.data_location`: 1 (EXTERNAL) when the values live in another file. */
const DATA_LOCATION = 14;
const EXTERNAL = 1;

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decodes little-endian float32 values; `bytes.length` must be a multiple of 4. */
function floatsOf(bytes: Uint8Array): Float32Array {
  if (littleEndianHost) {
    // A copy, aligned and of its own: `bytes` may be an unaligned view, or a Node Buffer whose
    // `slice` would not copy.
    return new Float32Array(new Uint8Array(bytes).buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: bytes.length / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

/**
 * Appends a packed run of varints (a packed repeated int64 field) to `into`, one by one: a run
 * of a million values must not become a million call arguments.
 */
function pushPackedVarints(bytes: Uint8Array, into: number[]): void {
  const start = into.length;
  let value = 0n;
  let shift = 0n;
  for (const byte of bytes) {
    if (shift >= 70n) throw new PolycamError('invalid-model', 'invalid protobuf: a packed dims varint is longer than 10 bytes');
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) {
      into.push(Number(BigInt.asIntN(64, value)));
      value = 0n;
      shift = 0n;
    }
  }
  if (shift !== 0n) {
    into.length = start;
    throw new PolycamError('invalid-model', 'invalid protobuf: the packed dims end inside a varint');
  }
}

/**
 * Reads an ONNX `TensorProto` (an initializer): its name, shape and element type, and, for a
 * float32 tensor, its values, from `raw_data` (little-endian) or from `float_data` (packed or
 * not). Tensors of any other element type, and float tensors whose data live in external files,
 * are reported without values, so that callers leave them alone.
 *
 * @internal
 * @param tensor - The `TensorProto`'s bytes.
 * @returns Its name, dims, element type and float values.
 * @throws {@link PolycamError} `invalid-model` when the bytes are not a valid protobuf message,
 *   or when a float tensor has a negative dim or holds a different number of values than its
 *   dims say.
 */
export function readTensorProto(tensor: Uint8Array): DecodedTensor {
  const fields = readProtoFields(tensor);
  const dims: number[] = [];
  let name = '';
  let dataType = 0;
  let external = false;
  let raw: Uint8Array | undefined;
  const floats: Uint8Array[] = [];
  for (const field of fields) {
    if (field.number === TENSOR.dims) {
      if (field.wireType === 0) dims.push(field.varint);
      else if (field.wireType === 2) pushPackedVarints(field.bytes, dims);
    } else if (field.number === TENSOR.dataType && field.wireType === 0) {
      dataType = field.varint;
    } else if (field.number === TENSOR.name && field.wireType === 2) {
      name = new TextDecoder().decode(field.bytes);
    } else if (field.number === TENSOR.rawData && field.wireType === 2) {
      raw = field.bytes;
    } else if (field.number === FLOAT_DATA) {
      // Packed: one length-delimited run of fixed32 values; unpacked: one fixed32 per field.
      if (field.wireType === 2) floats.push(field.bytes);
      else if (field.wireType === 5) floats.push(field.raw.subarray(field.raw.length - 4));
    } else if (field.number === DATA_LOCATION && field.wireType === 0) {
      external = field.varint === EXTERNAL;
    }
  }
  if (dataType !== DATA_TYPE.float || external) {
    return { name, dims, dataType, values: undefined };
  }
  if (dims.some((axis) => axis < 0)) {
    throw new PolycamError('invalid-model', `float tensor '${name}' has a negative dim in [${dims.join(',')}]`);
  }
  const expected = dims.reduce((product, axis) => product * axis, 1);
  const stored = raw?.length ?? floats.reduce((sum, part) => sum + part.length, 0);
  if (stored !== expected * 4) {
    throw new PolycamError('invalid-model', `float tensor '${name}' of shape [${dims.join(',')}] holds ${stored / 4} values instead of ${expected}`);
  }
  const bytes = raw ?? concatenateBytes(floats);
  return { name, dims, dataType, values: floatsOf(bytes) };
}
