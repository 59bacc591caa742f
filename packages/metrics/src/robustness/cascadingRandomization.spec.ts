import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, PolycamError, seededRandom, TOKENS, type Explainer, type Map2D, type ModelBackend, type Tensor, type WeightRandomizer } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cascadingRandomization } from './cascadingRandomization.js';

const TINY_LAYERS = ['/features/features.0/Conv', '/features/features.3/Conv', '/features/features.6/Conv', '/classifier/Gemm'];

async function rejectionOf(promise: Promise<unknown>): Promise<PolycamError> {
  try {
    await promise;
  } catch (error) {
    expect(PolycamError.is(error)).toBe(true);
    return error as PolycamError;
  }
  throw new Error('the promise resolved');
}

/** A map whose pixels are `values`, on one row. */
function row(values: readonly number[]): Map2D {
  return { height: 1, width: values.length, data: Float32Array.from(values) };
}

/**
 * A backend that records what the check does with it: the layers of each randomisation, and
 * which copies were disposed. Copy `k` (from 1) is told apart by its id, `copy-k`.
 */
function recordingBackend(layers: readonly string[]): { backend: ModelBackend; calls: { layers: string[]; seed: number }[]; disposed: string[] } {
  const calls: { layers: string[]; seed: number }[] = [];
  const disposed: string[] = [];
  const copy = (id: string): ModelBackend =>
    ({
      id,
      capabilities: new Set(['forward']),
      dispose: () => {
        disposed.push(id);
        return Promise.resolve();
      },
    }) as unknown as ModelBackend;
  const weightRandomizer: WeightRandomizer = {
    parameterizedLayers: layers,
    randomized: (chosen, seed) => {
      calls.push({ layers: [...chosen], seed });
      return Promise.resolve(copy(`copy-${calls.length}`));
    },
  };
  const backend = { ...copy('original'), capabilities: new Set(['forward', 'weight-randomization']), weightRandomizer } as ModelBackend;
  return { backend, calls, disposed };
}

describe('cascadingRandomization', () => {
  describe('with a recording backend', () => {
    // The original map ranks its pixels 1..5; each copy's map reverses one more pair.
    const maps = new Map<string, Map2D>([
      ['original', row([1, 2, 3, 4, 5])],
      ['copy-1', row([1, 2, 3, 5, 4])],
      ['copy-2', row([2, 1, 3, 5, 4])],
      ['copy-3', row([5, 4, 3, 2, 1])],
    ]);
    const explain = (backend: ModelBackend): Promise<Map2D> => Promise.resolve(maps.get(backend.id)!);

    it('randomises the last k layers cumulatively, from the last to the first, and disposes each copy', async () => {
      const { backend, calls, disposed } = recordingBackend(['a', 'b', 'c']);
      const result = await cascadingRandomization(backend, explain, { seed: 42 });
      expect(calls).toEqual([
        { layers: ['c'], seed: 42 },
        { layers: ['c', 'b'], seed: 42 },
        { layers: ['c', 'b', 'a'], seed: 42 },
      ]);
      expect(disposed).toEqual(['copy-1', 'copy-2', 'copy-3']);
      expect(result.original).toBe(maps.get('original'));
      // Spearman by hand: one swapped pair of 5 gives 1 − 6·2/120 = 0.9, two give 0.8, a
      // reversal −1.
      expect(result.steps.map((step) => step.layer)).toEqual(['c', 'b', 'a']);
      expect(result.steps.map((step) => step.correlation)).toEqual([expect.closeTo(0.9, 12), expect.closeTo(0.8, 12), -1]);
      expect(result.steps.map((step) => step.map)).toEqual([maps.get('copy-1'), maps.get('copy-2'), maps.get('copy-3')]);
    });

    it('takes at most `layers` steps, and uses seed 0 by default', async () => {
      const { backend, calls } = recordingBackend(['a', 'b', 'c']);
      const result = await cascadingRandomization(backend, explain, { layers: 2 });
      expect(calls).toEqual([
        { layers: ['c'], seed: 0 },
        { layers: ['c', 'b'], seed: 0 },
      ]);
      expect(result.steps.map((step) => step.layer)).toEqual(['c', 'b']);
      expect((await cascadingRandomization(recordingBackend(['a']).backend, explain, { layers: 5 })).steps).toHaveLength(1);
      expect((await cascadingRandomization(recordingBackend(['a']).backend, explain, { layers: 0 })).steps).toEqual([]);
    });

    it('disposes the copy when its explanation fails, and passes the error on', async () => {
      const { backend, disposed } = recordingBackend(['a', 'b', 'c']);
      const failing = (model: ModelBackend): Promise<Map2D> =>
        model.id === 'copy-2' ? Promise.reject(new PolycamError('backend-failure', 'boom')) : explain(model);
      expect((await rejectionOf(cascadingRandomization(backend, failing))).kind).toBe('backend-failure');
      expect(disposed).toEqual(['copy-1', 'copy-2']);
    });

    it('rejects maps of another size with invalid-argument, after disposing the copy', async () => {
      const { backend, disposed } = recordingBackend(['a']);
      const resizing = (model: ModelBackend): Promise<Map2D> => Promise.resolve(model.id === 'original' ? row([1, 2, 3]) : row([1, 2]));
      expect((await rejectionOf(cascadingRandomization(backend, resizing))).kind).toBe('invalid-argument');
      expect(disposed).toEqual(['copy-1']);
    });

    it('rejects impossible options with invalid-argument, and stops with aborted when the signal fires', async () => {
      for (const options of [{ layers: -1 }, { layers: 1.5 }, { seed: Number.NaN }]) {
        expect((await rejectionOf(cascadingRandomization(recordingBackend(['a']).backend, explain, options))).kind).toBe('invalid-argument');
      }
      const controller = new AbortController();
      const { backend, calls, disposed } = recordingBackend(['a', 'b', 'c']);
      const signals: (AbortSignal | undefined)[] = [];
      const aborting = (model: ModelBackend, signal?: AbortSignal): Promise<Map2D> => {
        signals.push(signal);
        if (model.id === 'copy-1') controller.abort();
        return explain(model);
      };
      expect((await rejectionOf(cascadingRandomization(backend, aborting, { signal: controller.signal }))).kind).toBe('aborted');
      expect(signals).toEqual([controller.signal, controller.signal]);
      expect(calls).toHaveLength(1);
      expect(disposed).toEqual(['copy-1']);
    });
  });

  it('fails with unsupported-capability, naming the backend, before any explanation', async () => {
    const toy = createToyBackend();
    let explained = 0;
    const explain = (): Promise<Map2D> => {
      explained += 1;
      return Promise.resolve(row([1, 2]));
    };
    try {
      const error = await rejectionOf(cascadingRandomization(toy, explain));
      expect(error.kind).toBe('unsupported-capability');
      expect(error.message).toContain(`'${toy.id}'`);
      // A backend that declares the capability but has no randomizer is refused as well.
      const liar = { ...recordingBackend(['a']).backend, weightRandomizer: undefined } as ModelBackend;
      expect((await rejectionOf(cascadingRandomization(liar, explain))).kind).toBe('unsupported-capability');
      expect(explained).toBe(0);
    } finally {
      await toy.dispose();
    }
  });

  describe('with Poly-CAM on the tiny ONNX CNN', () => {
    let backend: OnnxBackend;
    let explainer: Explainer;
    const random = seededRandom(5);
    const input: Tensor = { shape: [1, 3, 32, 32], data: Float32Array.from({ length: 3 * 32 * 32 }, () => random() * 4 - 2) };
    const explain = async (model: ModelBackend, signal?: AbortSignal): Promise<Map2D> => (await explainer.explain({ backend: model, input, classIndex: 1, signal })).map;

    beforeAll(async () => {
      backend = await OnnxBackend.load({ bytes: buildTinyCnn({ seed: 2 }) });
      explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    });
    afterAll(async () => {
      await backend?.dispose();
    });

    it('reports one step per layer, from the classifier down, with correlations that fall well below 1', async () => {
      const result = await cascadingRandomization(backend, explain, { seed: 3 });
      expect(result.original).toEqual(await explain(backend));
      expect(result.original.height).toBe(32);
      expect(result.steps.map((step) => step.layer)).toEqual([...TINY_LAYERS].reverse());
      for (const step of result.steps) {
        expect(step.correlation).toBeGreaterThanOrEqual(-1);
        expect(step.correlation).toBeLessThanOrEqual(1);
        expect([step.map.height, step.map.width]).toEqual([32, 32]);
      }
      expect(result.steps.at(-1)!.correlation).toBeLessThan(0.5);
      // The original backend is untouched: it explains as before.
      expect(await explain(backend)).toEqual(result.original);
    });

    it('gives the same steps for the same seed', async () => {
      const first = await cascadingRandomization(backend, explain, { seed: 4, layers: 2 });
      const second = await cascadingRandomization(backend, explain, { seed: 4, layers: 2 });
      expect(second.steps.map((step) => step.correlation)).toEqual(first.steps.map((step) => step.correlation));
    });
  });
});
