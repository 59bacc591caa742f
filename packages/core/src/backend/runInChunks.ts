import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { ChunkedRun } from './ChunkedRun.js';

/** `values` from item `start`, exactly `chunk` items long: a view, or a zero-padded copy. */
function chunkOf(values: Float32Array, itemSize: number, start: number, used: number, chunk: number): Float32Array {
  const view = values.subarray(start * itemSize, (start + used) * itemSize);
  if (used === chunk) return view;
  const padded = new Float32Array(chunk * itemSize);
  padded.set(view);
  return padded;
}

/**
 * Runs a batch chunk by chunk, for runtimes whose model takes a fixed batch size (or the whole
 * batch at once), and stitches each fetched output back into one `[count, ...]` tensor, without
 * the padding of a short last chunk. With a single full chunk the outputs are returned as the
 * runtime gave them, without a copy.
 *
 * @example
 * ```ts
 * // 7 images on a model with a fixed batch of 3: chunks (0, 3), (3, 3) and (6, 1), the last
 * // padded with two zero images; the outputs come back as [7, K].
 * const outputs = await runInChunks({
 *   count: 7,
 *   chunk: 3,
 *   signal,
 *   runtime: 'my runtime',
 *   items: { data: request.input.data, itemSize: 3 * 32 * 32 },
 *   runChunk: async (start, used, images) => runtime.run(images!),
 * });
 * ```
 *
 * @param plan - The batch, the chunk size, the items to slice and pad, and the chunk runner.
 * @returns Each output that every chunk fetched, as `[count, ...]`, by name.
 * @throws {@link PolycamError} `aborted` when the signal fires before a chunk, `invalid-argument`
 *   for a count or chunk that is not a positive integer, `backend-failure` when `runChunk` throws
 *   anything but a {@link PolycamError} (which passes through as it is).
 */
export async function runInChunks(plan: ChunkedRun): Promise<Map<string, Tensor>> {
  const { count, chunk, items } = plan;
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(chunk) && chunk >= 1)) {
    throw new PolycamError('invalid-argument', `a chunked run needs a positive count and chunk, got ${count} and ${chunk}`);
  }
  const parts = new Map<string, { shape: readonly number[]; rowSize: number; chunks: Float32Array[] }>();
  for (let start = 0; start < count; start += chunk) {
    throwIfAborted(plan.signal);
    const used = Math.min(chunk, count - start);
    let outputs: Iterable<readonly [string, Tensor]>;
    try {
      outputs = await plan.runChunk(start, used, items && chunkOf(items.data, items.itemSize, start, used, chunk));
    } catch (error) {
      if (PolycamError.is(error)) throw error;
      const why = String((error as Error)?.message ?? error).split('\n')[0];
      throw new PolycamError('backend-failure', `${plan.runtime} failed: ${why}`, { cause: error });
    }
    for (const [name, tensor] of outputs) {
      const shape = tensor.shape.slice(1);
      const rowSize = shape.reduce((product, axis) => product * axis, 1);
      const entry = parts.get(name) ?? { shape, rowSize, chunks: [] };
      entry.chunks.push(tensor.data.length === used * rowSize ? tensor.data : tensor.data.subarray(0, used * rowSize));
      parts.set(name, entry);
    }
  }
  const joined = new Map<string, Tensor>();
  for (const [name, { shape, rowSize, chunks }] of parts) {
    let data = chunks[0]!;
    if (chunks.length > 1) {
      data = new Float32Array(count * rowSize);
      chunks.forEach((part, index) => data.set(part, index * chunk * rowSize));
    }
    joined.set(name, { shape: [count, ...shape], data });
  }
  return joined;
}
