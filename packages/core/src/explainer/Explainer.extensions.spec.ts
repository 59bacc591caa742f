import {
  Explainer,
  PolycamError,
  seededRandom,
  type AttributionMethod,
  type Fusion,
  type MethodPreset,
  type ModelBackend,
  type Tensor,
  type WeightingStrategy,
} from '@polycam/core';
import { normalizeMap, relu, resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend, rejectionKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';

// The two general extensions: element-wise weights, and pixel-attribution methods resolved by
// name like presets. Toy backend: auto layers relu1 [4,16,16], relu2 [6,8,8], pool2 [6,4,4].

function input(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
}

function counted(): { backend: ModelBackend; runs: number[] } {
  const runs: number[] = [];
  return { backend: createToyBackend({ onRun: (size) => runs.push(size) }), runs };
}

const keep: Fusion = { id: 'keep', description: 'P = C', fuse: (cam) => ({ ...cam, data: cam.data.slice() }) };

/** W_k(i, j) = (−1)^(i + j) · (k + 1): a checkerboard that flips the sign of every other element. */
const checkerboard: WeightingStrategy = {
  id: 'checkerboard',
  description: 'element weights (−1)^(i+j)(k+1)',
  requires: ['forward'],
  granularity: 'element',
  plannedEvaluations: () => 0,
  computeWeights: async ({ activation }) => {
    const [channels, height, width] = activation.shape as [number, number, number];
    return Float32Array.from({ length: channels * height * width }, (_, index) => {
      const k = Math.floor(index / (height * width));
      const i = Math.floor(index / width) % height;
      const j = index % width;
      return ((i + j) % 2 === 0 ? 1 : -1) * (k + 1);
    });
  },
};

/** Scores each pixel by its x coordinate minus 3, after running `count` images. */
function ramp(count: number, requires: readonly string[] = ['forward']): AttributionMethod {
  return {
    id: 'ramp',
    aliases: ['ramp-alias'],
    description: 'x − 3',
    requires,
    plannedEvaluations: () => count,
    attribute: async ({ backend, input: image, ledger }) => {
      const batch = new Float32Array(count * 768);
      for (let slot = 0; slot < count; slot += 1) batch.set(image.data, slot * 768);
      await backend.run({ input: { shape: [count, 3, 16, 16], data: batch } });
      ledger.run(count);
      return { height: 16, width: 16, data: Float32Array.from({ length: 256 }, (_, index) => (index % 16) - 3) };
    },
  };
}

const presets: MethodPreset[] = [
  { id: 'board', aliases: [], strategy: 'checkerboard', fusion: 'keep', description: 'checkerboard' },
  { id: 'board-last', aliases: [], strategy: 'checkerboard', fusion: 'keep', description: 'last layer', layers: 'last' },
];

describe('Explainer extensions', () => {
  it('sums element-wise weights as ReLU(Σ_k W_k ⊙ A_k) (brute force)', async () => {
    const explainer = new Explainer({ strategies: [checkerboard], fusions: [keep], presets });
    const { backend } = counted();
    const image = input(1);
    const result = await explainer.explain({ backend, input: image, method: 'board', layers: ['relu2'] });
    const tapped = (await backend.run({ input: image, taps: ['relu2'] })).activations.get('relu2')!.data;
    const expected = new Float32Array(64);
    for (let index = 0; index < 64; index += 1) {
      let sum = 0;
      const sign = (Math.floor(index / 8) + (index % 8)) % 2 === 0 ? 1 : -1;
      for (let k = 0; k < 6; k += 1) sum += sign * (k + 1) * tapped[k * 64 + index]!;
      expected[index] = Math.max(sum, 0);
    }
    expect(result.stages[0]!.weights).toHaveLength(6 * 64);
    result.stages[0]!.cam.data.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 5));
    expect(expected.some((value) => value === 0) && expected.some((value) => value > 0)).toBe(true);
  });

  it("uses a preset's own layers unless the request names some", async () => {
    const explainer = new Explainer({ strategies: [checkerboard], fusions: [keep], presets });
    const { backend } = counted();
    expect((await explainer.explain({ backend, input: input(2), method: 'board-last' })).layers).toEqual(['pool2']);
    expect((await explainer.explain({ backend, input: input(2), method: 'board' })).layers).toEqual(['relu1', 'relu2', 'pool2']);
    expect((await explainer.explain({ backend, input: input(2), method: 'board-last', layers: ['relu1'] })).layers).toEqual(['relu1']);
  });

  it('runs an attribution method by id or alias: one input stage, resize(u(ReLU(R))), passes and progress', async () => {
    const explainer = new Explainer({ attributions: [ramp(5)] });
    const { backend, runs } = counted();
    const events: string[] = [];
    const result = await new Promise<Awaited<ReturnType<Explainer['explain']>>>((resolve, reject) => {
      explainer.explain$({ backend, input: input(3), method: 'ramp-alias' }).subscribe({
        next: (event) => {
          if (event.type === 'progress') events.push(`progress ${event.done}/${event.total}`);
          else events.push(event.type === 'layer' ? `layer ${event.index}` : event.type);
          if (event.type === 'result') resolve(event.result);
        },
        error: reject,
      });
    });
    expect(events).toEqual(['started', 'progress 5/5', 'layer 0', 'result']);
    expect(runs).toEqual([1, 5]);
    expect(result.passes).toEqual({ run: 6, saved: 0 });
    expect(result.layers).toEqual([]);
    expect(result.method).toEqual({ preset: 'ramp', strategy: 'ramp', fusion: 'none' });
    expect(result.stages).toHaveLength(1);
    expect(result.stages[0]!.layer).toBe('input');
    const rectified = Float32Array.from({ length: 256 }, (_, index) => Math.max((index % 16) - 3, 0));
    expect(Array.from(result.stages[0]!.cam.data)).toEqual(Array.from(rectified));
    const expected = resizeBilinear({ height: 16, width: 16, data: normalizeMap(relu(rectified)) }, 16, 16);
    expect(Array.from(result.map.data)).toEqual(Array.from(expected.data));
    expect(result.map).toBe(result.stages[0]!.map);
    expect(result.map.data[0]).toBe(0);
    expect(result.map.data[15]).toBe(1);
  });

  it('refuses an attribution method whose requirement the backend lacks, before any run', async () => {
    const explainer = new Explainer({ attributions: [ramp(2, ['forward', 'gradients'])] });
    const { backend, runs } = counted();
    expect(await rejectionKindOf(explainer.explain({ backend, input: input(4), method: 'ramp' }))).toBe('unsupported-capability');
    expect(runs).toEqual([]);
  });

  it('refuses a strategy or fusion override on an attribution method', async () => {
    const explainer = new Explainer({ strategies: [checkerboard], fusions: [keep], presets, attributions: [ramp(1)] });
    const { backend, runs } = counted();
    expect(await rejectionKindOf(explainer.explain({ backend, input: input(5), method: 'ramp', fusion: 'keep' }))).toBe('invalid-argument');
    expect(runs).toEqual([]);
  });

  it('lists presets and attribution methods with their requirements, and finds them by alias', () => {
    const explainer = new Explainer({ strategies: [checkerboard], fusions: [keep], presets, attributions: [ramp(1, ['forward', 'gradients'])] });
    expect(explainer.methods().map((method) => [method.id, method.kind, method.requires.join('+')])).toEqual([
      ['board', 'preset', 'forward'],
      ['board-last', 'preset', 'forward'],
      ['ramp', 'attribution', 'forward+gradients'],
    ]);
    expect(explainer.method('ramp-alias').id).toBe('ramp');
    let error: unknown;
    try {
      explainer.method('nope');
    } catch (caught) {
      error = caught;
    }
    expect(PolycamError.is(error, 'unknown-method')).toBe(true);
    expect(String((error as Error).message)).toContain('ramp (ramp-alias)');
  });

  it('refuses an attribution method that shares a name with a preset', () => {
    const clash: AttributionMethod = { ...ramp(1), id: 'board' };
    expect(() => new Explainer({ strategies: [checkerboard], fusions: [keep], presets, attributions: [clash] })).toThrow(PolycamError);
  });
});
