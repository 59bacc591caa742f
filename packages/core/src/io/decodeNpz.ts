import { unzipSync } from 'fflate';
import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';
import { decodeNpy } from './decodeNpy.js';

/**
 * The most bytes that deflate can expand `size` compressed bytes into (its best ratio is about
 * 1032:1), plus room for a tiny entry: a larger declared size is a lie, and must not be allocated.
 */
function maxInflatedSize(size: number): number {
  return size * 1032 + 1024;
}

/** A central-directory record takes at least 46 bytes: an archive cannot list more entries. */
const MIN_ENTRY_BYTES = 46;

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
    let listed = 0;
    entries = unzipSync(bytes, {
      filter: (entry) => {
        listed += 1;
        if (listed * MIN_ENTRY_BYTES > bytes.length) throw new Error('it lists more entries than it can hold');
        if (entry.size > bytes.length) throw new Error(`entry '${entry.name}' declares ${entry.size} compressed bytes in a ${bytes.length}-byte file`);
        if (entry.originalSize > maxInflatedSize(entry.size)) {
          throw new Error(`entry '${entry.name}' declares ${entry.originalSize} bytes, more than ${entry.size} compressed bytes can hold`);
        }
        return true;
      },
    });
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
