import {
  PolycamError,
  scoreInBatches,
  seededRandom,
  shapeSize,
  type BatchScoringContext,
  type ModelBackend,
  type RunRequest,
  type ScoringJobs,
  type TargetFunction,
  type Tensor,
} from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';

interface Observed {
  readonly backend: ModelBackend;
  /** The batch size of every plain run. */
  readonly batches: number[];
  /** The buffer of every plain run's input. */
  readonly buffers: ArrayBufferLike[];
  /** The mask count of every masked run. */
  readonly maskedBatches: number[];
}

/** Wraps a backend to see what reaches `run` and `runMasked`. */
function observed(backend: ModelBackend, afterRun?: () => void): Observed {
  const batches: number[] = [];
  const buffers: ArrayBufferLike[] = [];
  const maskedBatches: number[] = [];
  const inner = backend.maskedInputs;
  return {
    batches,
    buffers,
    maskedBatches,
    backend: {
      id: backend.id,
      capabilities: backend.capabilities,
      description: backend.description,
      ...(inner
        ? {
            maskedInputs: {
              runMasked: async (request, signal) => {
                maskedBatches.push(request.masks.shape[0]!);
                return inner.runMasked(request, signal);
              },
            },
          }
        : {}),
      run: async (request: RunRequest, signal?: AbortSignal) => {
        batches.push(request.input.shape[0]!);
        buffers.push(request.input.data.buffer);
        const result = await backend.run(request, signal);
        afterRun?.();
        return result;
      },
      dispose: () => backend.dispose(),
    },
  };
}

/** A model whose one output is the sum of its two input values, for hand-worked scores. */
function sumBackend(): ModelBackend {
  return {
    id: 'sum',
    capabilities: new Set(['forward']),
    description: { input: { name: 'x', shape: [1, 1, 2], layout: 'NCHW', fixedBatchSize: undefined }, output: { name: 'y', shape: [1], size: 1 }, layers: [] },
    run: async ({ input }) => {
      const count = input.shape[0]!;
      const output = Float32Array.from({ length: count }, (_, image) => input.data[2 * image]! + input.data[2 * image + 1]!);
      return { output: { shape: [count, 1], data: output }, activations: new Map() };
    },
    dispose: async () => {},
  };
}

const identity: TargetFunction = { label: 'z[0]', score: (output) => output[0]! };

function context(backend: ModelBackend, batchSize: number, extra: Partial<BatchScoringContext> = {}): BatchScoringContext & { runs: number[] } {
  const runs: number[] = [];
  const shape = [1, ...backend.description.input.shape];
  const input: Tensor = { shape, data: new Float32Array(shapeSize(shape)) };
  return { backend, input, target: identity, batchSize, ledger: { run: (count) => runs.push(count) }, runs, ...extra };
}

/** Item i of the sum model is the image [i, 10], whose score is i + 10. */
const sumJobs = (count: number): ScoringJobs => ({
  count,
  writeImage: (index, image) => image.set([index, 10]),
});

describe('scoreInBatches', () => {
  it('scores 7 items in batches of 3, 3 and 1, telling the ledger after each', async () => {
    const seen = observed(sumBackend());
    const run = context(seen.backend, 3);
    const scores = await scoreInBatches(run, sumJobs(7));
    expect(Array.from(scores)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(seen.batches).toEqual([3, 3, 1]);
    expect(run.runs).toEqual([3, 3, 1]);
  });

  it('reuses one buffer of at most batchSize items for every batch', async () => {
    const seen = observed(sumBackend());
    await scoreInBatches(context(seen.backend, 3), sumJobs(7));
    // 3 items of 2 values, 4 bytes each; the last batch is a view of the same buffer.
    expect(seen.buffers.map((buffer) => buffer.byteLength)).toEqual([24, 24, 24]);
    expect(new Set(seen.buffers).size).toBe(1);
    const few = observed(sumBackend());
    await scoreInBatches(context(few.backend, 32), sumJobs(2));
    expect(few.buffers[0]!.byteLength).toBe(16);
  });

  it('writes items in order with their slot, and reports each unrounded score', async () => {
    const writes: [number, number][] = [];
    const scored: [number, number, number][] = [];
    const third: TargetFunction = { label: 'z[0] / 3', score: (output) => output[0]! / 3 };
    const scores = await scoreInBatches(context(sumBackend(), 3, { target: third }), {
      count: 5,
      writeImage: (index, image, slot) => {
        writes.push([index, slot]);
        image.set([index, 10]);
      },
      scored: (index, score, slot) => scored.push([index, score, slot]),
    });
    expect(writes).toEqual([[0, 0], [1, 1], [2, 2], [3, 0], [4, 1]]);
    expect(scored).toEqual([[0, 10 / 3, 0], [1, 11 / 3, 1], [2, 4, 2], [3, 13 / 3, 0], [4, 14 / 3, 1]]);
    expect(Array.from(scores)).toEqual([10, 11, 12, 13, 14].map((sum) => Math.fround(sum / 3)));
  });

  it('runs nothing for no items', async () => {
    const seen = observed(sumBackend());
    const run = context(seen.backend, 4);
    expect(await scoreInBatches(run, sumJobs(0))).toEqual(new Float32Array(0));
    expect(seen.batches).toEqual([]);
    expect(run.runs).toEqual([]);
  });

  it('gives the masked path the same scores as the plain path, sending only the masks', async () => {
    const random = seededRandom(4);
    const input: Tensor = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
    const masks = Array.from({ length: 7 }, () => Float32Array.from({ length: 16 }, () => random()));
    const jobs: ScoringJobs = {
      count: masks.length,
      writeImage: (index, image) => {
        const mask = resizeBilinear({ height: 4, width: 4, data: masks[index]! }, 16, 16).data;
        for (let value = 0; value < 768; value += 1) image[value] = input.data[value]! * mask[value % 256]!;
      },
      masks: { height: 4, width: 4, write: (index, mask) => mask.set(masks[index]!) },
    };
    const plain = observed(createToyBackend());
    const masked = observed(createToyBackend({ maskedInputs: true }));
    const plainRun = context(plain.backend, 3, { input });
    const maskedRun = context(masked.backend, 3, { input });
    const plainScores = await scoreInBatches(plainRun, jobs);
    const maskedScores = await scoreInBatches(maskedRun, jobs);
    expect(maskedScores).toEqual(plainScores);
    expect(new Set(plainScores).size).toBe(7);
    expect([plain.batches, plain.maskedBatches]).toEqual([[3, 3, 1], []]);
    expect([masked.batches, masked.maskedBatches]).toEqual([[], [3, 3, 1]]);
    expect(maskedRun.runs).toEqual([3, 3, 1]);
    // Without masks in the jobs, a masked-inputs backend gets plain images.
    const unmasked = observed(createToyBackend({ maskedInputs: true }));
    expect(await scoreInBatches(context(unmasked.backend, 3, { input }), { ...jobs, masks: undefined })).toEqual(plainScores);
    expect([unmasked.batches, unmasked.maskedBatches]).toEqual([[3, 3, 1], []]);
  });

  it('stops between batches when the signal fires, and before any when it has fired', async () => {
    const controller = new AbortController();
    const seen = observed(sumBackend(), () => controller.abort());
    const run = context(seen.backend, 3, { signal: controller.signal });
    const error = await scoreInBatches(run, sumJobs(7)).catch((caught: unknown) => caught);
    expect(PolycamError.is(error, 'aborted')).toBe(true);
    expect(seen.batches).toEqual([3]);
    expect(run.runs).toEqual([3]);
    const again = observed(sumBackend());
    const late = await scoreInBatches(context(again.backend, 3, { signal: controller.signal }), sumJobs(7)).catch((caught: unknown) => caught);
    expect(PolycamError.is(late, 'aborted')).toBe(true);
    expect(again.batches).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a batch size of %s', async (batchSize) => {
    const error = await scoreInBatches(context(sumBackend(), batchSize), sumJobs(3)).catch((caught: unknown) => caught);
    expect(PolycamError.is(error, 'invalid-argument')).toBe(true);
  });
});
