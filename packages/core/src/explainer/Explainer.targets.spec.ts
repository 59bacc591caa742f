import {
  Explainer,
  seededRandom,
  type ExplainRequest,
  type Fusion,
  type MethodPreset,
  type Tensor,
  type TargetFunction,
  type TargetPlugin,
  type WeightingStrategy,
} from '@polycam/core';
import { scoreChannelMasks } from '@polycam/core/masking';
import { createToyBackend, errorKindOf, rejectionKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { segmentingToyBackend } from './segmentingToyBackend.testkit.js';

// Targets through the explainer: a small mask-scoring strategy (w_k = s(X ⊙ up(u(A_k)))),
// the toy backend (5 classes) and the toy backend whose conv2 tensor [6, 8, 8] is the explained
// output, a 6-class "segmentation head".

const maskScores: WeightingStrategy = {
  id: 'mask-scores',
  description: 'w_k = s(X ⊙ up(u(A_k)))',
  requires: ['forward'],
  plannedEvaluations: (channels) => channels,
  computeWeights: async (context) => (await scoreChannelMasks(context, { direct: true, complement: false })).direct!,
};
const keep: Fusion = { id: 'keep', description: 'P = C', fuse: (cam) => ({ ...cam, data: cam.data.slice() }) };
const preset: MethodPreset = { id: 'masks', aliases: [], strategy: 'mask-scores', fusion: 'keep', description: 'mask scores' };

function explainer(targets: TargetPlugin[] = []): Explainer {
  return new Explainer({ strategies: [maskScores], fusions: [keep], presets: [preset], targets });
}

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
}

/** The brute-force segmentation score, computed here: Σ over pixels p of softmax_k(z[k, p])[c] over R. */
function bruteSegmentation(classIndex: number, region: readonly number[]): TargetFunction {
  return {
    label: 'brute force',
    score: (output) => {
      let total = 0;
      for (const pixel of region) {
        const logits = Array.from({ length: 6 }, (_, k) => output[k * 64 + pixel]!);
        const denominator = logits.reduce((sum, value) => sum + Math.exp(value), 0);
        total += Math.exp(logits[classIndex]!) / denominator;
      }
      return Math.fround(total);
    },
  };
}

/** The pixels whose channel argmax is c, found here by sorting each pixel's logits. */
function predicted(unmasked: Float32Array, classIndex: number): number[] {
  const pixels: number[] = [];
  for (let pixel = 0; pixel < 64; pixel += 1) {
    const order = Array.from({ length: 6 }, (_, k) => k).sort((a, b) => unmasked[b * 64 + pixel]! - unmasked[a * 64 + pixel]! || a - b);
    if (order[0] === classIndex) pixels.push(pixel);
  }
  return pixels;
}

describe('Explainer targets', () => {
  it('registers the built-in target kinds in every explainer, then the given ones', () => {
    const custom: TargetPlugin = { id: 'first', description: 'output 0', syntax: '', parse: async () => ({}), check: () => ({}), bind: () => ({ label: 'first', score: (z) => z[0]! }) };
    expect(new Explainer().targets().map((plugin) => plugin.id)).toEqual(['class', 'segmentation']);
    expect(explainer([custom]).targets().map((plugin) => plugin.id).at(-1)).toBe('first');
    expect(errorKindOf(() => explainer([{ ...custom, id: 'class' }]))).toBe('invalid-plugin');
  });

  it("gives the class target's maps bit for bit as classIndex and as the default argmax", async () => {
    const backend = createToyBackend();
    const input = randomInput(1);
    const byDefault = await explainer().explain({ backend, input, method: 'masks' });
    const byKind = await explainer().explain({ backend, input, method: 'masks', target: { kind: 'class' } });
    const byIndex = await explainer().explain({ backend, input, method: 'masks', classIndex: byDefault.classIndex });
    const byOptions = await explainer().explain({ backend, input, method: 'masks', target: { kind: 'class', options: { classIndex: byDefault.classIndex } } });
    for (const result of [byKind, byIndex, byOptions]) {
      expect(result.map.data).toEqual(byDefault.map.data);
      expect(result.score).toBe(byDefault.score);
      expect(result.target).toBe(byDefault.target);
      expect(result.classIndex).toBe(byDefault.classIndex);
    }
  });

  it('explains a segmentation region exactly as a brute-force target of the same score, full images and masked inputs alike', async () => {
    const { backend } = segmentingToyBackend();
    const input = randomInput(2);
    const unmasked = (await backend.run({ input })).output.data;
    const classIndex = [0, 1, 2, 3, 4, 5].find((c) => predicted(unmasked, c).length >= 4)!;
    const region = predicted(unmasked, classIndex);
    const request: ExplainRequest = { backend, input, method: 'masks', target: { kind: 'segmentation', options: { classIndex } } };
    const result = await explainer().explain(request);
    const brute = await explainer().explain({ ...request, target: bruteSegmentation(classIndex, region) });
    expect(result.classIndex).toBe(classIndex);
    expect(result.target).toBe(`segmentation softmax[${classIndex}] over ${region.length} pixels`);
    expect(result.score).toBe(brute.score);
    expect(result.map.data).toEqual(brute.map.data);
    expect(result.stages.map((stage) => stage.weights)).toEqual(brute.stages.map((stage) => stage.weights));
    expect(result.map.data.some((value) => value > 0)).toBe(true);

    const masked = await explainer().explain({ ...request, backend: segmentingToyBackend({ maskedInputs: true }).backend });
    expect(masked.score).toBe(result.score);
    for (let pixel = 0; pixel < 256; pixel += 1) expect(masked.map.data[pixel]).toBeCloseTo(result.map.data[pixel]!, 5);
  });

  it('explains a given region mask as the brute force over that region', async () => {
    const { backend } = segmentingToyBackend();
    const input = randomInput(3);
    // A 4×4 mask: its top-left cell covers output pixels (0..1, 0..1).
    const mask = new Float32Array(16);
    mask[0] = 1;
    const target = { kind: 'segmentation', options: { classIndex: 2, region: { height: 4, width: 4, data: mask } } };
    const result = await explainer().explain({ backend, input, method: 'masks', target });
    const brute = await explainer().explain({ backend, input, method: 'masks', target: bruteSegmentation(2, [0, 1, 8, 9]) });
    expect(result.score).toBe(brute.score);
    expect(result.map.data).toEqual(brute.map.data);
  });

  it.each<[string, ExplainRequest['target'], Partial<ExplainRequest>, string]>([
    ['an unknown kind', { kind: 'depth' }, {}, 'unknown-method'],
    ['a class target on a [C, H, W] output', { kind: 'class' }, {}, 'invalid-argument'],
    ['a segmentation class out of range', { kind: 'segmentation', options: { classIndex: 6 } }, {}, 'class-out-of-range'],
    ['an empty region', { kind: 'segmentation', options: { classIndex: 0, region: { height: 8, width: 8, data: new Float32Array(64) } } }, {}, 'invalid-argument'],
    ['both a class and a target', { kind: 'segmentation', options: { classIndex: 0 } }, { classIndex: 0 }, 'invalid-argument'],
    ['an unknown score function', { kind: 'segmentation', options: { classIndex: 0 } }, { scoreFunction: 'tanh' as 'softmax' }, 'invalid-argument'],
  ])('refuses %s in prepare, before any pass', async (_name, target, change, kind) => {
    const { backend, runs } = segmentingToyBackend();
    expect(await rejectionKindOf(async () => explainer().prepare({ backend, input: randomInput(4), method: 'masks', target, ...change }))).toBe(kind);
    expect(runs).toEqual([]);
  });

  it('lists the registered kinds when a kind is unknown', () => {
    const { backend } = segmentingToyBackend();
    expect(() => explainer().prepare({ backend, input: randomInput(5), method: 'masks', target: { kind: 'depth' } })).toThrow(
      "unknown target kind 'depth' (available: class, segmentation)",
    );
  });

  it("fails after the unmasked pass only, when the predicted region is empty", async () => {
    const { backend, runs } = segmentingToyBackend();
    const input = randomInput(6);
    const unmasked = (await backend.run({ input })).output.data;
    const absent = [0, 1, 2, 3, 4, 5].find((c) => predicted(unmasked, c).length === 0);
    if (absent === undefined) return;
    runs.length = 0;
    const prepared = explainer().prepare({ backend, input, method: 'masks', target: { kind: 'segmentation', options: { classIndex: absent } } });
    expect(await rejectionKindOf(() => explainer().explain(prepared))).toBe('invalid-argument');
    expect(runs).toEqual([1]);
  });

  it('binds a plugin target once per explanation, with the unmasked output and the score function', async () => {
    const bound: { unmasked: number[]; scoreFunction: string }[] = [];
    const plugin: TargetPlugin<{ entry: number }> = {
      id: 'entry',
      description: 'one output entry',
      syntax: 'ENTRY',
      parse: async (argument) => ({ entry: Number(argument) }),
      check: (options) => options as { entry: number },
      bind: (options, context) => {
        bound.push({ unmasked: Array.from(context.unmasked), scoreFunction: context.scoreFunction });
        return { label: `z[${options.entry}]`, score: (z) => z[options.entry]! };
      },
    };
    const backend = createToyBackend();
    const input = randomInput(7);
    const result = await explainer([plugin as TargetPlugin]).explain({ backend, input, method: 'masks', scoreFunction: 'sigmoid', target: { kind: 'entry', options: { entry: 3 } } });
    const unmasked = (await backend.run({ input })).output.data;
    expect(bound).toEqual([{ unmasked: Array.from(unmasked), scoreFunction: 'sigmoid' }]);
    expect(result.score).toBe(unmasked[3]);
    expect(result.target).toBe('z[3]');
    expect(result.classIndex).toBeUndefined();
  });
});
