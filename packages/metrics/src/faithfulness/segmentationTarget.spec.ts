import { describe, expect, it } from 'vitest';
import { backendCapabilities, checkRunRequest, type ModelBackend, type ModelDescription, type RunRequest, type TargetRequest } from '@polycam/core';
import { rejectionKindOf } from '@polycam/core/testing';
import { evaluateFaithfulness } from '../evaluation/evaluateFaithfulness.js';
import { averageDropIncrease } from './averageDropIncrease.js';
import { deletion } from './deletion.js';
import { insertion } from './insertion.js';
import { createLinearBackend } from './linearBackend.testkit.js';

// A per-pixel linear segmenter on 2×3×3 images: z[c, p] = Σ_k W[c][k]·x[k, p] + b[c], 3 classes.
const W = [
  [1, -1],
  [-1, 2],
  [0.5, 0.5],
];
const b = [0, 0.1, -0.2];
const [channels, height, width, classes] = [2, 3, 3, 3];
const pixels = height * width;

function segmenter(): ModelBackend {
  const description: ModelDescription = {
    input: { name: 'input', shape: [channels, height, width], layout: 'NCHW', fixedBatchSize: undefined },
    output: { name: 'logits', shape: [classes, height, width], size: classes * pixels },
    layers: [],
  };
  return {
    id: 'segmenter-test',
    capabilities: backendCapabilities({}),
    description,
    run: async (request: RunRequest) => {
      checkRunRequest(description, request);
      const count = request.input.shape[0]!;
      const output = new Float32Array(count * classes * pixels);
      for (let image = 0; image < count; image += 1) {
        const x = request.input.data.subarray(image * channels * pixels);
        for (let c = 0; c < classes; c += 1) {
          for (let p = 0; p < pixels; p += 1) output[(image * classes + c) * pixels + p] = W[c]![0]! * x[p]! + W[c]![1]! * x[pixels + p]! + b[c]!;
        }
      }
      return { output: { shape: [count, classes, height, width], data: output }, activations: new Map() };
    },
    dispose: async () => {},
  };
}

// Written out independently, in float64: the logits, the region (pixels whose argmax is c on
// the unperturbed image) and the summed per-pixel softmax probability of c over it.
function logits(x: readonly number[]): number[][] {
  return W.map((row, c) => Array.from({ length: pixels }, (_, p) => row[0]! * x[p]! + row[1]! * x[pixels + p]! + b[c]!));
}
function regionOf(x: readonly number[], c: number): number[] {
  const z = logits(x);
  return Array.from({ length: pixels }, (_, p) => p).filter((p) => {
    const column = z.map((plane) => plane[p]!);
    return column.indexOf(Math.max(...column)) === c;
  });
}
function regionScore(x: readonly number[], c: number, region: readonly number[]): number {
  const z = logits(x);
  let total = 0;
  for (const p of region) {
    const exps = z.map((plane) => Math.exp(plane[p]!));
    total += exps[c]! / exps.reduce((sum, value) => sum + value, 0);
  }
  return total;
}
// The curve by brute force: pixels by descending saliency (ties by ascending index),
// ⌈H·W / n⌉ per step, zero baseline; insertion fills the image in, deletion zeroes it.
function bruteCurve(mode: 'insertion' | 'deletion', x: readonly number[], saliency: readonly number[], steps: number, c: number): number[] {
  const region = regionOf(x, c);
  const order = Array.from({ length: pixels }, (_, p) => p).sort((p, q) => saliency[q]! - saliency[p]! || p - q);
  const perStep = Math.ceil(pixels / steps);
  return Array.from({ length: steps }, (_, step) => {
    const switched = new Set(order.slice(0, Math.min((step + 1) * perStep, pixels)));
    const image = x.map((value, at) => (switched.has(at % pixels) === (mode === 'insertion') ? value : 0));
    return regionScore(image, c, region);
  });
}

const x = [0.9, -0.3, 0.2, 0.4, 1.1, -0.6, 0.05, 0.7, -0.2, 0.1, 0.8, -0.4, 0.6, -0.1, 0.3, 0.9, -0.5, 0.2];
const saliency = [0.3, 0.9, 0.1, 0.75, 0.5, 0.2, 0.65, 0.05, 0.4];
const input = { shape: [channels, height, width], data: Float32Array.from(x) };
const map = { height, width, data: Float32Array.from(saliency) };
const target: TargetRequest = { kind: 'segmentation', options: { classIndex: 1 } };

describe('faithfulness with a segmentation target', () => {
  it('the brute-force region is neither empty nor the whole image, so the target is not a class', () => {
    expect(regionOf(x, 1).length).toBeGreaterThan(1);
    expect(regionOf(x, 1).length).toBeLessThan(pixels);
  });

  it.each(['insertion', 'deletion'] as const)('%s scores each step with the region of the unperturbed prediction, as brute force does', async (mode) => {
    const curve = mode === 'insertion' ? insertion : deletion;
    for (const steps of [9, 4]) {
      const result = await curve(segmenter(), input, map, { steps, baseline: 'zero', batchSize: 3, target });
      const expected = bruteCurve(mode, x, saliency, steps, 1);
      expect(result.classIndex).toBe(1);
      expect(Array.from(result.scores)).toHaveLength(steps);
      result.scores.forEach((score, step) => expect(score).toBeCloseTo(expected[step]!, 5));
      expect(result.auc).toBeCloseTo(expected.reduce((sum, value) => sum + value, 0) / steps, 5);
    }
  });

  it('drop and increase use the same region score on the map-masked image', async () => {
    const result = await averageDropIncrease(segmenter(), input, map, { target });
    const range = Math.max(...saliency) - Math.min(...saliency);
    const masked = x.map((value, at) => value * ((saliency[at % pixels]! - Math.min(...saliency)) / range));
    const region = regionOf(x, 1);
    expect(result.baseScore).toBeCloseTo(regionScore(x, 1, region), 5);
    expect(result.maskedScore).toBeCloseTo(regionScore(masked, 1, region), 5);
  });

  it('evaluateFaithfulness gives each image its own target, as the measures alone do', async () => {
    const other = { key: 'b.png', input: { shape: input.shape, data: input.data.map((value) => -value) }, saliency: map };
    const items = [
      { key: 'a.png', input, saliency: map, target },
      { ...other, target: { kind: 'segmentation', options: { classIndex: 0 } } },
    ];
    const options = { steps: 3, baseline: 'zero' as const, metrics: ['insertion', 'deletion'] as const };
    const report = await evaluateFaithfulness(segmenter(), items, options);
    expect(report.insertion.get('a.png')).toEqual(await insertion(segmenter(), input, map, { ...options, target }));
    expect(report.deletion.get('b.png')!.scores).toEqual((await deletion(segmenter(), other.input, map, { ...options, target: items[1]!.target })).scores);
    expect(report.deletion.get('b.png')!.classIndex).toBe(0);
    expect(regionOf(Array.from(other.input.data), 0).length).toBeGreaterThan(0);
  });

  it('a class target request gives the class path bit for bit', async () => {
    const weights = [1, -1, 2, -2];
    const image = { shape: [1, 2, 2], data: Float32Array.from([1, 0.5, 0.25, 0]) };
    const small = { height: 2, width: 2, data: Float32Array.from([4, 3, 2, 1]) };
    const byClass = await insertion(createLinearBackend([1, 2, 2], weights), image, small, { steps: 2, baseline: 'zero', classIndex: 1 });
    const byRequest = await insertion(createLinearBackend([1, 2, 2], weights), image, small, { steps: 2, baseline: 'zero', target: { kind: 'class', options: { classIndex: 1 } } });
    expect(byRequest).toEqual(byClass);
  });

  it('refuses a class and a target together, a bad target before any pass, and names the image of an empty region', async () => {
    expect(await rejectionKindOf(() => insertion(segmenter(), input, map, { steps: 3, baseline: 'zero', target, classIndex: 1 }))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => deletion(segmenter(), input, map, { steps: 3, baseline: 'zero', target: { kind: 'segmentation', options: { classIndex: 7 } } }))).toBe('class-out-of-range');
    expect(await rejectionKindOf(() => deletion(segmenter(), input, map, { steps: 3, baseline: 'zero', target: { kind: 'depth' } }))).toBe('unknown-method');
    const nowhere = { key: 'c.png', input: { shape: input.shape, data: new Float32Array(x.length) }, saliency: map, target: { kind: 'segmentation', options: { classIndex: 2 } } };
    await expect(evaluateFaithfulness(segmenter(), [nowhere], { steps: 3, baseline: 'zero' })).rejects.toThrow(/c\.png/);
  });
});
