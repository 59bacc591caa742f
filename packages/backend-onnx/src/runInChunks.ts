import { PolycamError, throwIfAborted, type Tensor } from '@polycam/core';
import type * as ort from 'onnxruntime-node';

/** How to run one batch in chunks. */
interface ChunkPlan {
  /** Images in the whole batch. */
  readonly count: number;
  /** Images per chunk: the model's fixed batch size, or the whole batch. */
  readonly chunk: number;
  /** The outputs to fetch. */
  readonly fetches: readonly string[];
  /** Runs one chunk of `chunk` images (padded by the caller), starting at image `start`. */
  readonly runChunk: (start: number, used: number) => Promise<ort.InferenceSession.ReturnType>;
  /** Aborts between chunks. */
  readonly signal: AbortSignal | undefined;
}

/**
 * Runs a batch chunk by chunk and joins each fetched output back into one tensor per name,
 * dropping the padding of a last partial chunk.
 *
 * @internal
 * @param plan - The batch, chunk size, fetches and chunk runner.
 * @returns Each fetched output as `[count, ...]`.
 * @throws {@link PolycamError} `aborted` or `backend-failure`.
 */
export async function runInChunks(plan: ChunkPlan): Promise<Map<string, Tensor>> {
  const parts = new Map<string, { dims: number[]; data: Float32Array[] }>();
  for (let start = 0; start < plan.count; start += plan.chunk) {
    throwIfAborted(plan.signal);
    const used = Math.min(plan.chunk, plan.count - start);
    let results: ort.InferenceSession.ReturnType;
    try {
      results = await plan.runChunk(start, used);
    } catch (error) {
      if (PolycamError.is(error)) throw error;
      throw new PolycamError('backend-failure', `onnxruntime failed: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
    for (const name of plan.fetches) {
      const tensor = results[name]!;
      const dims = tensor.dims.slice(1);
      const perImage = dims.reduce((product, dim) => product * dim, 1);
      const entry = parts.get(name) ?? { dims, data: [] };
      entry.data.push((tensor.data as Float32Array).subarray(0, used * perImage));
      parts.set(name, entry);
    }
  }
  const joined = new Map<string, Tensor>();
  for (const [name, { dims, data }] of parts) {
    let values = data[0]!;
    if (data.length > 1) {
      values = new Float32Array(data.reduce((sum, part) => sum + part.length, 0));
      let offset = 0;
      for (const part of data) {
        values.set(part, offset);
        offset += part.length;
      }
    }
    joined.set(name, { shape: [plan.count, ...dims], data: values });
  }
  return joined;
}
