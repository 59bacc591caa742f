import { seededRandom, type ModelBackend } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend, rejectionKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { denseImputation } from './denseImputation.testkit.js';
import { numpyPercentile } from './numpyPercentile.testkit.js';
import { road } from './road.js';

const random = seededRandom(3);
const input = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 3 * 256 }, () => 2 * random() - 1) };
// A blob with a slope, at half the input's size: road upsamples it as the other metrics do.
const saliency = {
  height: 8,
  width: 8,
  data: Float32Array.from({ length: 64 }, (_, pixel) => Math.exp(-((Math.floor(pixel / 8) - 2) ** 2 + ((pixel % 8) - 5) ** 2) / 6) + 0.01 * (pixel % 8)),
};

/** The toy model's softmax probability of a class, with the softmax written out here. */
async function probability(backend: ModelBackend, image: Float32Array, classIndex: number): Promise<number> {
  const { output } = await backend.run({ input: { shape: [1, 3, 16, 16], data: Float32Array.from(image) } });
  const logits = [...output.data];
  const top = Math.max(...logits);
  const exps = logits.map((value) => Math.exp(value - top));
  return exps[classIndex]! / exps.reduce((sum, value) => sum + value, 0);
}

/** ROAD's formula, brute force: thresholds by sorting, imputation by a dense solve, no noise. */
async function bruteForceRoad(backend: ModelBackend, map: Float32Array, percentiles: number[], classIndex: number) {
  const base = await probability(backend, input.data, classIndex);
  const differences = async (values: number[]): Promise<number[]> => {
    const result: number[] = [];
    for (const p of percentiles) {
      const threshold = numpyPercentile(values, p);
      const removed = values.map((value) => (value >= threshold ? 1 : 0));
      result.push((await probability(backend, Float32Array.from(denseImputation(input.data, 3, 16, 16, removed)), classIndex)) - base);
    }
    return result;
  };
  const morf = await differences([...map]);
  const lerf = await differences([...map].map((value) => Math.fround(1 - value)));
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  return { base, morf, lerf, morfMean: mean(morf), lerfMean: mean(lerf), combined: (mean(lerf) - mean(morf)) / 2 };
}

/** The map upsampled to 16×16 as the metric does, so the brute force thresholds the same values. */
function upsampled(): Float32Array {
  return resizeBilinear(saliency, 16, 16).data;
}

describe('road', () => {
  it("matches the brute-force formula on the toy CNN: every percentile's MoRF and LeRF difference, their means and the combined score", async () => {
    const backend = createToyBackend();
    const result = await road(backend, input, saliency, { noise: 0, classIndex: 2, batchSize: 5 });
    const expected = await bruteForceRoad(backend, upsampled(), [10, 20, 30, 40, 50, 60, 70, 80, 90], 2);
    expect(result.classIndex).toBe(2);
    expect(result.percentiles).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(result.baseScore).toBeCloseTo(expected.base, 6);
    result.mostRelevantFirst.forEach((value, index) => expect(value).toBeCloseTo(expected.morf[index]!, 5));
    result.leastRelevantFirst.forEach((value, index) => expect(value).toBeCloseTo(expected.lerf[index]!, 5));
    expect(result.mostRelevantFirstMean).toBeCloseTo(expected.morfMean, 5);
    expect(result.leastRelevantFirstMean).toBeCloseTo(expected.lerfMean, 5);
    expect(result.combined).toBeCloseTo(expected.combined, 5);
    // The perturbations change the score: the check above is not comparing zeros.
    expect(Math.max(...result.mostRelevantFirst.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('scores the argmax class by default, on the given percentiles, and reports 1 + 2·P images of progress', async () => {
    const backend = createToyBackend();
    const { output } = await backend.run({ input });
    const argmax = [...output.data].indexOf(Math.max(...output.data));
    const calls: [number, number][] = [];
    const result = await road(backend, input, saliency, { noise: 0, percentiles: [25, 75], batchSize: 2, onProgress: (done, total) => calls.push([done, total]) });
    const expected = await bruteForceRoad(backend, upsampled(), [25, 75], argmax);
    expect(result.classIndex).toBe(argmax);
    expect(result.combined).toBeCloseTo(expected.combined, 5);
    expect(calls).toEqual([[2, 5], [4, 5], [5, 5]]);
  });

  it('draws its noise from the seed: the same seed gives the same scores, another seed others, and the batch size changes nothing', async () => {
    const backend = createToyBackend();
    const options = { classIndex: 1, noise: 0.5, percentiles: [30, 70] };
    const first = await road(backend, input, saliency, { ...options, seed: 4 });
    const again = await road(backend, input, saliency, { ...options, seed: 4, batchSize: 1 });
    const other = await road(backend, input, saliency, { ...options, seed: 5 });
    expect(again.mostRelevantFirst).toEqual(first.mostRelevantFirst);
    expect(again.leastRelevantFirst).toEqual(first.leastRelevantFirst);
    expect(other.mostRelevantFirst).not.toEqual(first.mostRelevantFirst);
  });

  it('scores with the score function asked for: identity gives logit differences', async () => {
    const backend = createToyBackend();
    const result = await road(backend, input, saliency, { noise: 0, classIndex: 0, percentiles: [50], scoreFunction: 'identity' });
    const { output } = await backend.run({ input });
    expect(result.baseScore).toBeCloseTo(output.data[0]!, 6);
  });

  it('refuses bad percentiles, noise, seed and class before any pass, and stops when cancelled', async () => {
    let runs = 0;
    const backend = createToyBackend({ onRun: () => (runs += 1) });
    expect(await rejectionKindOf(road(backend, input, saliency, { percentiles: [] }))).toBe('invalid-argument');
    expect(await rejectionKindOf(road(backend, input, saliency, { percentiles: [50, 120] }))).toBe('invalid-argument');
    expect(await rejectionKindOf(road(backend, input, saliency, { noise: Number.NaN }))).toBe('invalid-argument');
    expect(await rejectionKindOf(road(backend, input, saliency, { seed: 0.5 }))).toBe('invalid-argument');
    expect(await rejectionKindOf(road(backend, input, saliency, { classIndex: 5 }))).toBe('class-out-of-range');
    expect(await rejectionKindOf(road(backend, input, { height: 3, width: 16, data: new Float32Array(48) }))).toBe('invalid-argument');
    expect(runs).toBe(0);
    const controller = new AbortController();
    controller.abort();
    expect(await rejectionKindOf(road(backend, input, saliency, { signal: controller.signal }))).toBe('aborted');
  });
});
