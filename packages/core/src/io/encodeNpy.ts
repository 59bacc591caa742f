import type { Tensor } from '../tensor/Tensor.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Encodes a float32 tensor as a `.npy` file (format 1.0, little-endian `<f4`, C order), the
 * format `numpy.load` reads.
 *
 * @param tensor - The tensor to encode.
 * @returns The file's bytes.
 */
export function encodeNpy(tensor: Tensor): Uint8Array {
  const shape = tensor.shape.length === 1 ? `(${tensor.shape[0]},)` : `(${tensor.shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = MAGIC.length + 4 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(MAGIC.length + 4 + header.length + tensor.data.length * 4);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  for (let index = 0; index < header.length; index += 1) {
    bytes[10 + index] = header.charCodeAt(index);
  }
  const offset = 10 + header.length;
  for (let index = 0; index < tensor.data.length; index += 1) {
    view.setFloat32(offset + index * 4, tensor.data[index]!, true);
  }
  return bytes;
}
