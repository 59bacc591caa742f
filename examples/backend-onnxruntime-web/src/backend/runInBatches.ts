import { throwIfAborted, type Tensor } from '@polycam/core';

/** One run's fetched outputs, each with the batch axis first. */
type Fetched = Map<string, { data: Float32Array; dims: readonly number[] }>;

/**
 * Runs `count` images in runs of `size` (the last one padded by the caller when the model's
 * batch axis is fixed) and lays each fetched output's first `used` rows end to end.
 *
 * @param count - Images in the whole batch.
 * @param size - Images per run.
 * @param signal - Checked before every run.
 * @param runOnce - Runs images `start .. start + used - 1`, as a run of `size` images.
 * @returns Each fetched output as `[count, ...]`.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the signal fires, and whatever `runOnce` throws.
 */
export async function runInBatches(
  count: number,
  size: number,
  signal: AbortSignal | undefined,
  runOnce: (start: number, used: number) => Promise<Fetched>,
): Promise<Map<string, Tensor>> {
  const joined = new Map<string, Tensor>();
  for (let start = 0; start < count; start += size) {
    throwIfAborted(signal);
    const used = Math.min(size, count - start);
    for (const [name, { data, dims }] of await runOnce(start, used)) {
      const row = dims.slice(1).reduce((product, dim) => product * dim, 1);
      const target = joined.get(name) ?? { shape: [count, ...dims.slice(1)], data: new Float32Array(count * row) };
      (target.data as Float32Array).set(data.subarray(0, used * row), start * row);
      joined.set(name, target);
    }
  }
  return joined;
}
