import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';

type Reader = (view: DataView, offset: number, littleEndian: boolean) => number;

const READERS: Record<string, { size: number; read: Reader }> = {
  f4: { size: 4, read: (view, offset, little) => view.getFloat32(offset, little) },
  f8: { size: 8, read: (view, offset, little) => view.getFloat64(offset, little) },
  f2: { size: 2, read: (view, offset, little) => halfToFloat(view.getUint16(offset, little)) },
  u1: { size: 1, read: (view, offset) => view.getUint8(offset) },
  i1: { size: 1, read: (view, offset) => view.getInt8(offset) },
  b1: { size: 1, read: (view, offset) => view.getUint8(offset) },
  i4: { size: 4, read: (view, offset, little) => view.getInt32(offset, little) },
  u4: { size: 4, read: (view, offset, little) => view.getUint32(offset, little) },
  i8: { size: 8, read: (view, offset, little) => Number(view.getBigInt64(offset, little)) },
};

function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function fail(name: string, why: string): never {
  throw new PolycamError('invalid-npz', `${name}: ${why}`);
}

/**
 * Decodes a `.npy` file holding a numeric array (float16/32/64, integer or bool, any byte order,
 * C or Fortran order) into a float32 tensor in C order.
 *
 * @param bytes - The file's bytes.
 * @param name - The array's name, for error messages.
 * @returns The array as a float32 tensor.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-npz` for a malformed file or an unsupported type.
 */
export function decodeNpy(bytes: Uint8Array, name = 'array'): Tensor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 10 || bytes[0] !== 0x93 || String.fromCharCode(...bytes.subarray(1, 6)) !== 'NUMPY') {
    fail(name, 'not a .npy array');
  }
  const major = bytes[6]!;
  if (major < 1 || major > 3) {
    fail(name, `unsupported .npy format version ${major}`);
  }
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) {
    fail(name, 'the .npy header is truncated');
  }
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLength > bytes.length - headerStart) {
    fail(name, `the .npy header declares ${headerLength} bytes, but only ${bytes.length - headerStart} follow`);
  }
  const header = new TextDecoder('latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([<>|=])([a-z])(\d+)'/.exec(header);
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (descr === null || shapeText === null) {
    fail(name, 'the .npy header has no descr or shape');
  }
  const reader = READERS[`${descr[2]}${descr[3]}`];
  if (reader === undefined) {
    fail(name, `unsupported dtype '${descr[1]}${descr[2]}${descr[3]}'`);
  }
  const parts = shapeText[1]!
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (!parts.every((part) => /^\d{1,15}$/.test(part))) {
    fail(name, `the shape (${shapeText[1]}) is not a tuple of non-negative integers`);
  }
  const shape = parts.map(Number);
  const count = shape.reduce((product, size) => product * size, 1);
  const dataStart = headerStart + headerLength;
  if (bytes.length - dataStart < count * reader.size) {
    fail(name, `the data is truncated (${count} values of ${reader.size} bytes expected)`);
  }
  const littleEndian = descr[1] !== '>';
  const values = new Float32Array(count);
  for (let index = 0; index < count; index += 1) {
    values[index] = reader.read(view, dataStart + index * reader.size, littleEndian);
  }
  const fortran = /'fortran_order':\s*True/.test(header);
  return { shape, data: fortran && shape.length > 1 ? fortranToC(values, shape) : values };
}

function fortranToC(values: Float32Array, shape: readonly number[]): Float32Array {
  const output = new Float32Array(values.length);
  const rank = shape.length;
  const index = new Array<number>(rank).fill(0);
  for (let position = 0; position < values.length; position += 1) {
    // position walks C order; compute the Fortran offset of the same multi-index
    let fortranOffset = 0;
    let stride = 1;
    for (let axis = 0; axis < rank; axis += 1) {
      fortranOffset += index[axis]! * stride;
      stride *= shape[axis]!;
    }
    output[position] = values[fortranOffset]!;
    for (let axis = rank - 1; axis >= 0; axis -= 1) {
      index[axis]! += 1;
      if (index[axis]! < shape[axis]!) break;
      index[axis] = 0;
    }
  }
  return output;
}
