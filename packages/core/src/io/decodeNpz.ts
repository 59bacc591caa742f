import { unzipSync } from 'fflate';
import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';
import { decodeNpy } from './decodeNpy.js';

/**
 * Decodes an `.npz` archive (from `numpy.savez` or `savez_compressed`) into float32 tensors,
 * keyed as `numpy.load` keys them (the entry name without `.npy`).
 *
 * @param bytes - The archive's bytes.
 * @returns The arrays by key, in archive order.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-npz` when the archive or an array is malformed.
 */
export function decodeNpz(bytes: Uint8Array): Map<string, Tensor> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new PolycamError('invalid-npz', `not a valid npz archive (${(error as Error).message})`, {
      cause: error,
    });
  }
  const arrays = new Map<string, Tensor>();
  for (const [entry, content] of Object.entries(entries)) {
    const key = entry.endsWith('.npy') ? entry.slice(0, -4) : entry;
    arrays.set(key, decodeNpy(content, key));
  }
  return arrays;
}
