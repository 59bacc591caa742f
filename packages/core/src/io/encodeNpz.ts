import { zipSync } from 'fflate';
import type { Tensor } from '../tensor/Tensor.js';
import { encodeNpy } from './encodeNpy.js';

/**
 * Encodes named float32 arrays as an `.npz` archive (uncompressed, like `numpy.savez`). Each key
 * becomes `<key>.npy` inside the archive, so `numpy.load(file)[key]` returns the array.
 *
 * @param arrays - The arrays by key, such as image file names.
 * @returns The archive's bytes.
 */
export function encodeNpz(arrays: ReadonlyMap<string, Tensor>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [key, tensor] of arrays) {
    entries[`${key}.npy`] = encodeNpy(tensor);
  }
  return zipSync(entries, { level: 0 });
}
