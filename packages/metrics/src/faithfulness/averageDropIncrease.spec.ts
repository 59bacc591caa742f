import { PolycamError, type Map2D, type Tensor } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { averageDropIncrease } from './averageDropIncrease.js';
import { createLinearBackend } from './linearBackend.testkit.js';
import { rejectionKindOf } from '@polycam/core/testing';

// The model: z0 = Σ w·x, z1 = 0, so s_0 = 1 / (1 + e^−z0).
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const dot = (weights: readonly number[], values: ArrayLike<number>): number =>
  weights.reduce((sum, weight, index) => sum + weight * values[index]!, 0);

function tensor(shape: readonly number[], values: readonly number[]): Tensor {
  return { shape, data: Float32Array.from(values) };
}

function map(height: number, width: number, values: readonly number[]): Map2D {
  return { height, width, data: Float32Array.from(values) };
}

// 2×2, one channel. z0(X) = 0.8 + 0.6 + 0.3 + 0.4 = 2.1.
const image = [1, 2, 3, 4];
const weights = [0.8, 0.3, 0.1, 0.1];

describe('averageDropIncrease (Grad-CAM++ confidence measures)', () => {
  it('measures a drop with the min-max normalised map, in one run of two images', async () => {
    // S = [2, 4, 6, 10]: M = (S − 2) / 8 = [0, ¼, ½, 1]; X ⊙ M = [0, 0.5, 1.5, 4].
    const backend = createLinearBackend([1, 2, 2], weights);
    const result = await averageDropIncrease(backend, tensor([1, 2, 2], image), map(2, 2, [2, 4, 6, 10]), { classIndex: 0 });
    expect(Array.from(backend.images[1]!)).toEqual([0, 0.5, 1.5, 4]);
    expect(backend.batchSizes).toEqual([2]);
    const y = sigmoid(2.1);
    const o = sigmoid(0.3 * 0.5 + 0.1 * 1.5 + 0.1 * 4); // 0.7
    expect(result.classIndex).toBe(0);
    expect(result.baseScore).toBeCloseTo(y, 6);
    expect(result.maskedScore).toBeCloseTo(o, 6);
    expect(result.drop).toBeCloseTo((y - o) / y, 6);
    expect(result.increase).toBe(false);
  });

  it('measures an increase (drop 0) when masking raises the score', async () => {
    // Pixel 0 counts against class 0; the map keeps pixels 1..3 whole and removes pixel 0.
    const against = [-1.5, 0.3, 0.1, 0.1];
    const backend = createLinearBackend([1, 2, 2], against);
    const result = await averageDropIncrease(backend, tensor([1, 2, 2], image), map(2, 2, [-3, 5, 5, 5]), { classIndex: 0 });
    const y = sigmoid(dot(against, image)); // z0 = −1.5 + 0.6 + 0.3 + 0.4 = −0.2
    const o = sigmoid(dot(against, [0, 2, 3, 4])); // 1.3
    expect(result.baseScore).toBeCloseTo(y, 6);
    expect(result.maskedScore).toBeCloseTo(o, 6);
    expect(result.drop).toBe(0);
    expect(result.increase).toBe(true);
  });

  it('masks everything with a constant map (M = 0)', async () => {
    const backend = createLinearBackend([1, 2, 2], weights);
    const result = await averageDropIncrease(backend, tensor([1, 2, 2], image), map(2, 2, [0.4, 0.4, 0.4, 0.4]), { classIndex: 0 });
    expect(Array.from(backend.images[1]!)).toEqual([0, 0, 0, 0]);
    expect(result.maskedScore).toBe(0.5);
    expect(result.drop).toBeCloseTo((sigmoid(2.1) - 0.5) / sigmoid(2.1), 6);
    expect(result.increase).toBe(false);
  });

  it('implements the definition, not the authors’ precedence slip, for maps outside [0, 1]', async () => {
    // A map in [0, 1] with min 0 and max 1 is its own normalisation; shifting and scaling it
    // changes nothing under the definition (the slip S − min/max − min would change the mask).
    const inUnit = await averageDropIncrease(createLinearBackend([1, 2, 2], weights), tensor([1, 2, 2], image), map(2, 2, [0, 0.25, 1, 0.5]), { classIndex: 0 });
    const shifted = createLinearBackend([1, 2, 2], weights);
    const affine = await averageDropIncrease(shifted, tensor([1, 2, 2], image), map(2, 2, [3, 3.5, 5, 4]), { classIndex: 0 });
    expect(Array.from(shifted.images[1]!)).toEqual([0, 0.5, 3, 2]);
    expect(affine.maskedScore).toBeCloseTo(inUnit.maskedScore, 6);
    expect(affine.maskedScore).toBeCloseTo(sigmoid(0.3 * 0.5 + 0.1 * 3 + 0.1 * 2), 6);
  });

  it('broadcasts the mask over the channels and upsamples a smaller map first', async () => {
    // A 1×2 map [0, 1] on 2 channels of 1×4 becomes [0, ¼, ¾, 1] (already min 0, max 1).
    const channelImage = [1, 1, 1, 1, 2, 2, 2, 2];
    const channelWeights = [0.1, 0.2, 0.3, 0.4, -0.1, -0.2, 0.3, 0.5];
    const backend = createLinearBackend([2, 1, 4], channelWeights);
    const result = await averageDropIncrease(backend, tensor([2, 1, 4], channelImage), map(1, 2, [0, 1]), { classIndex: 0 });
    expect(Array.from(backend.images[1]!)).toEqual([0, 0.25, 0.75, 1, 0, 0.5, 1.5, 2]);
    expect(result.maskedScore).toBeCloseTo(sigmoid(dot(channelWeights, [0, 0.25, 0.75, 1, 0, 0.5, 1.5, 2])), 6);
  });

  it('scores the model’s argmax class unless a class is given', async () => {
    // z0(X) = −0.2 < 0: the argmax is class 1, scored 1 − s_0.
    const against = [-1.5, 0.3, 0.1, 0.1];
    const saliency = map(2, 2, [0, 1, 1, 1]);
    const predicted = await averageDropIncrease(createLinearBackend([1, 2, 2], against), tensor([1, 2, 2], image), saliency);
    expect(predicted.classIndex).toBe(1);
    const y = 1 - sigmoid(-0.2);
    const o = 1 - sigmoid(1.3);
    expect(predicted.baseScore).toBeCloseTo(y, 6);
    expect(predicted.maskedScore).toBeCloseTo(o, 6);
    expect(predicted.drop).toBeCloseTo((y - o) / y, 6);
    const given = await averageDropIncrease(createLinearBackend([1, 2, 2], against), tensor([1, 2, 2], image), saliency, { classIndex: 0 });
    expect(given.classIndex).toBe(0);
    expect(given.increase).toBe(true);
  });

  it('rejects a bad map, input or class before any inference', async () => {
    const backend = createLinearBackend([1, 2, 2], weights);
    const input = tensor([1, 2, 2], image);
    expect(await rejectionKindOf(() => averageDropIncrease(backend, input, map(2, 2, [0, Number.NaN, 1, 1])))).toBe('invalid-argument');
    await expect(averageDropIncrease(backend, input, map(2, 2, [0, Number.NaN, 1, 1]))).rejects.toThrow(/NaN/);
    expect(await rejectionKindOf(() => averageDropIncrease(backend, input, { height: 2, width: 2, data: new Float32Array(12) }))).toBe(
      'invalid-argument',
    );
    expect(await rejectionKindOf(() => averageDropIncrease(backend, tensor([2, 2], image), map(2, 2, image)))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => averageDropIncrease(backend, input, map(2, 2, image), { classIndex: 3 }))).toBe('class-out-of-range');
    expect(backend.batchSizes).toEqual([]);
  });
});
