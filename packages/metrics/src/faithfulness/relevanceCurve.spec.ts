import { PolycamError, seededRandom, type Map2D, type Tensor } from '@polycam/core';
import { gaussianBlur, resizeBilinear } from '@polycam/core/kernels';
import { describe, expect, it } from 'vitest';
import { deletion } from './deletion.js';
import { insertion } from './insertion.js';
import { createLinearBackend } from './linearBackend.testkit.js';
import { rejectionKindOf } from '@polycam/core/testing';

// The model of every test: z0 = bias + Σ w·x, z1 = 0, so s_0 = 1 / (1 + e^−z0) and s_1 = 1 − s_0.
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function tensor(shape: readonly number[], values: readonly number[]): Tensor {
  return { shape, data: Float32Array.from(values) };
}

function map(height: number, width: number, values: readonly number[]): Map2D {
  expect(values).toHaveLength(height * width);
  return { height, width, data: Float32Array.from(values) };
}

/**
 * The step images of the definition: `start` everywhere, except that the pixels in each set
 * (in every channel) hold `finish`'s values.
 */
function stepImages(
  start: ArrayLike<number>,
  finish: ArrayLike<number>,
  channels: number,
  switchedSets: readonly (readonly number[])[],
): number[][] {
  const pixels = start.length / channels;
  return switchedSets.map((set) => {
    const image = Array.from(start);
    for (const pixel of set) {
      for (let channel = 0; channel < channels; channel += 1) image[channel * pixels + pixel] = finish[channel * pixels + pixel]!;
    }
    return image;
  });
}

/** The scores of those images for class 0 (or 1) of the linear model, in double precision. */
function expectedScores(images: readonly number[][], weights: readonly number[], classIndex = 0, bias = 0): number[] {
  return images.map((image) => {
    const p0 = sigmoid(image.reduce((sum, value, index) => sum + weights[index]! * value, bias));
    return classIndex === 0 ? p0 : 1 - p0;
  });
}

/** The first `count` pixels of `order`, for each count. */
function prefixes(order: readonly number[], counts: readonly number[]): number[][] {
  return counts.map((count) => order.slice(0, count));
}

function expectCurve(result: { auc: number; scores: Float32Array }, expected: readonly number[]): void {
  expect(result.scores).toHaveLength(expected.length);
  result.scores.forEach((score, index) => expect(score, `step ${index + 1}`).toBeCloseTo(expected[index]!, 6));
  expect(result.auc).toBeCloseTo(expected.reduce((sum, value) => sum + value, 0) / expected.length, 6);
}

// A 3×3 single-channel image with distinct weights, and a map with ties (0.9 ×2, 0.5 ×3, 0.2 ×2).
const image3 = [0.8, -0.5, 1.2, 0.3, 0.9, -1.1, 0.4, 0.7, -0.6];
const weights3 = [1.0, 0.6, -0.7, 0.2, 1.3, -0.4, 0.9, -0.8, 0.5];
const saliency3 = [0.5, 0.9, 0.5, 0.1, 0.9, 0.5, 0.2, 0.2, 0.0];
// Descending saliency, ties by ascending index: 1, 4 (0.9), 0, 2, 5 (0.5), 6, 7 (0.2), 3, 8.
const order3 = [1, 4, 0, 2, 5, 6, 7, 3, 8];

describe('insertion and deletion (the authors’ protocol)', () => {
  it('inserts pixels by descending saliency, ties by ascending index, ⌈9/4⌉ = 3 per step (zero baseline)', async () => {
    const backend = createLinearBackend([1, 3, 3], weights3);
    const result = await insertion(backend, tensor([1, 3, 3], image3), map(3, 3, saliency3), {
      steps: 4,
      baseline: 'zero',
      classIndex: 0,
    });
    // Steps switch the first 3, 6, 9 and 9 pixels of the order (min(t·3, 9)); there is no t = 0.
    const images = stepImages(new Array<number>(9).fill(0), image3, 1, prefixes(order3, [3, 6, 9, 9]));
    expect(backend.images.map((fed) => Array.from(fed))).toEqual(images.map((values) => Array.from(Float32Array.from(values))));
    // The first step holds pixels 1, 4 and 0: the tie at 0.5 goes to the lowest index.
    expect(Array.from(backend.images[0]!)).toEqual(Array.from(Float32Array.from([0.8, -0.5, 0, 0, 0.9, 0, 0, 0, 0])));
    expect(result.classIndex).toBe(0);
    expectCurve(result, expectedScores(images, weights3));
    // The other tie order (4, 1, 5, …) would score differently, so the order is really tested.
    const otherOrder = expectedScores(stepImages(new Array<number>(9).fill(0), image3, 1, [[4, 1, 5]]), weights3)[0]!;
    expect(Math.abs(otherOrder - result.scores[0]!)).toBeGreaterThan(0.05);
  });

  it('deletes the same pixels towards the baseline (zero baseline)', async () => {
    const backend = createLinearBackend([1, 3, 3], weights3);
    const result = await deletion(backend, tensor([1, 3, 3], image3), map(3, 3, saliency3), {
      steps: 4,
      baseline: 'zero',
      classIndex: 0,
    });
    const images = stepImages(image3, new Array<number>(9).fill(0), 1, prefixes(order3, [3, 6, 9, 9]));
    expect(backend.images.map((fed) => Array.from(fed))).toEqual(images.map((values) => Array.from(Float32Array.from(values))));
    expectCurve(result, expectedScores(images, weights3));
    // Every pixel deleted: z0 = 0, score ½, at the last two steps.
    expect(result.scores[3]).toBe(0.5);
  });

  it('handles the last partial step: 10 pixels in 4 steps of 3 switch 3, 6, 9 and 10 (constant baseline)', async () => {
    const image = [0.2, -0.4, 0.9, 1.5, -0.3, 0.6, -1.2, 0.8, 0.1, -0.7];
    const weights = [0.5, -1.0, 0.8, 0.3, -0.6, 1.1, 0.4, -0.2, 0.9, 0.7];
    const saliency = [0.15, 0.95, 0.35, 0.05, 0.75, 0.55, 0.25, 0.85, 0.45, 0.65];
    const order = [1, 7, 4, 9, 5, 8, 2, 6, 0, 3];
    const constant = 0.5;
    const backend = createLinearBackend([1, 2, 5], weights);
    const input = tensor([1, 1, 2, 5], image);
    const baseline = new Array<number>(10).fill(constant);
    const inserted = await insertion(backend, input, map(2, 5, saliency), { steps: 4, baseline: { constant }, classIndex: 0 });
    expectCurve(inserted, expectedScores(stepImages(baseline, image, 1, prefixes(order, [3, 6, 9, 10])), weights));
    const deleted = await deletion(backend, input, map(2, 5, saliency), { steps: 4, baseline: { constant }, classIndex: 0 });
    expectCurve(deleted, expectedScores(stepImages(image, baseline, 1, prefixes(order, [3, 6, 9, 10])), weights));
    // The last insertion step is the image itself, the last deletion step the baseline.
    expect(inserted.scores[3]).toBeCloseTo(expectedScores([image], weights)[0]!, 6);
    expect(deleted.scores[3]).toBeCloseTo(sigmoid(weights.reduce((sum, w) => sum + w * constant, 0)), 6);
  });

  it('moves every channel of a pixel together', async () => {
    // 2 channels of 2×2; the map orders pixels 3, 0, 2, 1.
    const image = [1, 2, 3, 4, -1, -2, -3, -4];
    const weights = [0.1, 0.2, 0.3, 0.4, 0.5, -0.6, 0.7, -0.8];
    const backend = createLinearBackend([2, 2, 2], weights);
    const result = await insertion(backend, tensor([2, 2, 2], image), map(2, 2, [0.7, 0.1, 0.3, 0.9]), {
      steps: 2,
      baseline: 'zero',
      classIndex: 0,
    });
    expect(Array.from(backend.images[0]!)).toEqual([1, 0, 0, 4, -1, 0, 0, -4]);
    const images = stepImages(new Array<number>(8).fill(0), image, 2, prefixes([3, 0, 2, 1], [2, 4]));
    expectCurve(result, expectedScores(images, weights));
  });

  it('uses the Gaussian blur of the normalised image as the default baseline', async () => {
    const random = seededRandom(21);
    const [height, width] = [6, 7];
    const image = Array.from({ length: 42 }, () => random() * 2 - 1);
    const weights = Array.from({ length: 42 }, () => random() - 0.5);
    // Distinct saliencies, (5p mod 42) / 42: a permutation, so the order is a plain sort.
    const saliency = Array.from({ length: 42 }, (_, p) => ((5 * p) % 42) / 42);
    const order = Array.from({ length: 42 }, (_, p) => p).sort((a, b) => saliency[b]! - saliency[a]!);
    const blurred = Array.from(gaussianBlur({ height, width, data: Float32Array.from(image) }).data);
    const counts = [9, 18, 27, 36, 42]; // ⌈42 / 5⌉ = 9
    const backend = createLinearBackend([1, height, width], weights);
    const input = tensor([1, height, width], image);
    const inserted = await insertion(backend, input, map(height, width, saliency), { steps: 5, classIndex: 0 });
    expectCurve(inserted, expectedScores(stepImages(blurred, Float32Array.from(image), 1, prefixes(order, counts)), weights));
    const deleted = await deletion(backend, input, map(height, width, saliency), { steps: 5, classIndex: 0 });
    expectCurve(deleted, expectedScores(stepImages(Float32Array.from(image), blurred, 1, prefixes(order, counts)), weights));
    // The blur is not the zero baseline: the first deletion step would differ.
    const zeroFirst = expectedScores(stepImages(Float32Array.from(image), new Array<number>(42).fill(0), 1, prefixes(order, [9])), weights)[0]!;
    expect(Math.abs(zeroFirst - deleted.scores[0]!)).toBeGreaterThan(1e-3);
  });

  it('upsamples a smaller map bilinearly (half-pixel centres) to the input size first', async () => {
    // A 1×2 map [1, 0] on a 2×4 input: each row becomes [1, ¾, ¼, 0], so the order is 0, 4, 1,
    // 5, 2, 6, 3, 7 and 4 steps switch 2 pixels each.
    const image = [0.5, -0.25, 1, 0.75, -0.5, 0.25, -1, 1.5];
    const weights = [0.9, -0.3, 0.4, 1.2, -0.8, 0.6, 0.2, -0.5];
    const backend = createLinearBackend([1, 2, 4], weights);
    const result = await insertion(backend, tensor([1, 2, 4], image), map(1, 2, [1, 0]), {
      steps: 4,
      baseline: 'zero',
      classIndex: 0,
    });
    const images = stepImages(new Array<number>(8).fill(0), image, 1, prefixes([0, 4, 1, 5, 2, 6, 3, 7], [2, 4, 6, 8]));
    expectCurve(result, expectedScores(images, weights));
  });

  it('upsamples a smaller map of the input\'s aspect ratio like resizeBilinear, and refuses a larger map or another aspect', async () => {
    const random = seededRandom(4);
    const image = Array.from({ length: 32 }, () => random() - 0.5);
    const weights = Array.from({ length: 32 }, () => random() - 0.5);
    const backend = createLinearBackend([1, 4, 8], weights);
    const input = tensor([1, 4, 8], image);
    const options = { steps: 8, baseline: 'zero' as const, classIndex: 0 };
    const random2D = (height: number, width: number): Map2D => map(height, width, Array.from({ length: height * width }, () => random()));
    // 1×2, 2×4 and 4×8 have the input's aspect; 3×5 has it to within one map pixel (5·4/8 = 2.5
    // rows for 3), as a stride that does not divide the input gives. 1×4 is a pixel off (4·4/8 = 2
    // rows for 1, 1·8/4 = 2 columns for 4), 4×4 and 3×3 further; 8×16 and 5×1 are larger.
    for (const [height, width] of [[1, 2], [2, 4], [4, 8], [3, 5]] as const) {
      const saliency = random2D(height, width);
      const direct = await insertion(backend, input, saliency, options);
      const resized = await insertion(backend, input, resizeBilinear(saliency, 4, 8), options);
      expect(Array.from(direct.scores)).toEqual(Array.from(resized.scores));
    }
    for (const [height, width] of [[8, 16], [4, 4], [1, 8], [3, 3], [5, 1], [1, 4]] as const) {
      const rejection = insertion(backend, input, random2D(height, width), options);
      await expect(rejection).rejects.toThrow(new RegExp(`${height}×${width}.*4×8`));
      expect(await rejectionKindOf(() => insertion(backend, input, random2D(height, width), options))).toBe('invalid-argument');
    }
  });

  it('scores the model’s argmax class unless a class is given', async () => {
    // z0 = −0.3 − 0.42 − 0.36 + 0.12 = −0.96 < 0 on the full image, so the argmax is class 1.
    const image = [0.3, -0.6, 0.9, 0.2];
    const weights = [-1.0, 0.7, -0.4, 0.6];
    const input = tensor([1, 2, 2], image);
    const saliency = map(2, 2, [0.4, 0.3, 0.2, 0.1]);
    const images = stepImages(new Array<number>(4).fill(0), image, 1, prefixes([0, 1, 2, 3], [2, 4]));

    const byArgmax = createLinearBackend([1, 2, 2], weights);
    const predicted = await insertion(byArgmax, input, saliency, { steps: 2, baseline: 'zero' });
    expect(predicted.classIndex).toBe(1);
    expectCurve(predicted, expectedScores(images, weights, 1));
    expect(byArgmax.batchSizes).toEqual([1, 2]); // one pass for the argmax, then the steps

    const given = createLinearBackend([1, 2, 2], weights);
    const forced = await insertion(given, input, saliency, { steps: 2, baseline: 'zero', classIndex: 0 });
    expect(forced.classIndex).toBe(0);
    expectCurve(forced, expectedScores(images, weights, 0));
    expect(given.batchSizes).toEqual([2]);
  });

  it('defaults to 224 steps', async () => {
    const weights = new Array<number>(16 * 16).fill(0.01);
    const backend = createLinearBackend([1, 16, 16], weights);
    const result = await deletion(backend, tensor([1, 16, 16], new Array<number>(256).fill(1)), map(4, 4, new Array<number>(16).fill(0)), {
      baseline: 'zero',
      classIndex: 0,
    });
    expect(result.scores).toHaveLength(224);
    // ⌈256 / 224⌉ = 2 pixels per step: 254 pixels of 0.01 left after the first step.
    expect(result.scores[0]).toBeCloseTo(sigmoid(2.54), 6);
    expect(result.scores[127]).toBe(0.5);
    expect(backend.batchSizes).toEqual([32, 32, 32, 32, 32, 32, 32]);
  });
});

describe('insertion and deletion batching', () => {
  const random = seededRandom(9);
  const shape = [2, 5, 7] as const;
  const image = Array.from({ length: 70 }, () => random() * 2 - 1);
  const weights = Array.from({ length: 70 }, () => random() - 0.5);
  // Four saliency levels, so that most pixels tie.
  const saliency = map(5, 7, Array.from({ length: 35 }, () => Math.floor(random() * 4) / 4));

  for (const metric of [insertion, deletion]) {
    for (const steps of [35, 8]) {
      it(`${metric.name} with ${steps} steps does not depend on batchSize, and never runs more than batchSize images`, async () => {
        const curves: number[][] = [];
        for (const batchSize of [1, 3, 224]) {
          const backend = createLinearBackend(shape, weights);
          const progress: [number, number][] = [];
          const result = await metric(backend, tensor(shape, image), saliency, {
            steps,
            batchSize,
            baseline: 'zero',
            onProgress: (done, total) => progress.push([done, total]),
          });
          curves.push(Array.from(result.scores));
          const [argmaxRun, ...stepRuns] = backend.batchSizes;
          expect(argmaxRun).toBe(1);
          expect(Math.max(...stepRuns)).toBeLessThanOrEqual(batchSize);
          expect(stepRuns.reduce((sum, count) => sum + count, 0)).toBe(steps);
          expect(stepRuns).toHaveLength(Math.ceil(steps / batchSize));
          expect(progress.at(-1)).toEqual([steps, steps]);
          expect(progress.map(([done]) => done)).toEqual(stepRuns.map((_, index) => Math.min((index + 1) * batchSize, steps)));
        }
        expect(curves[1]).toEqual(curves[0]);
        expect(curves[2]).toEqual(curves[0]);
      });
    }
  }

  it('stops with aborted when the signal fires, before or between batches', async () => {
    const input = tensor(shape, image);
    const before = new AbortController();
    before.abort();
    const untouched = createLinearBackend(shape, weights);
    expect(await rejectionKindOf(() => insertion(untouched, input, saliency, { steps: 35, signal: before.signal, baseline: 'zero' }))).toBe('aborted');
    expect(untouched.batchSizes).toEqual([]);

    const between = new AbortController();
    const stopped = createLinearBackend(shape, weights);
    const options = { steps: 35, batchSize: 5, classIndex: 0, baseline: 'zero' as const, signal: between.signal, onProgress: () => between.abort() };
    expect(await rejectionKindOf(() => deletion(stopped, input, saliency, options))).toBe('aborted');
    expect(stopped.batchSizes).toEqual([5]);
  });
});

describe('insertion and deletion validation', () => {
  const backend = createLinearBackend([1, 3, 3], weights3);
  const input = tensor([1, 3, 3], image3);
  const saliency = map(3, 3, saliency3);
  const base = { baseline: 'zero' as const, steps: 3 };

  it('rejects steps that are not a positive integer no larger than H·W', async () => {
    for (const steps of [0, -1, 2.5, 10, Number.NaN]) {
      expect(await rejectionKindOf(() => insertion(backend, input, saliency, { ...base, steps })), `steps ${steps}`).toBe('invalid-argument');
    }
    await expect(deletion(backend, input, saliency, { ...base, steps: 10 })).rejects.toThrow(/steps must be at most .*\(9\), got 10/);
    expect(await rejectionKindOf(() => insertion(backend, input, saliency, { ...base, steps: 9 }))).toBeUndefined();
  });

  it('rejects a batch size that is not a positive integer', async () => {
    for (const batchSize of [0, -2, 1.5]) {
      expect(await rejectionKindOf(() => insertion(backend, input, saliency, { ...base, batchSize }))).toBe('invalid-argument');
    }
  });

  it('rejects a map with NaN or infinite values, naming them', async () => {
    const withNaN = map(3, 3, [0, 1, 2, 3, Number.NaN, 5, 6, 7, 8]);
    expect(await rejectionKindOf(() => insertion(backend, input, withNaN, base))).toBe('invalid-argument');
    await expect(deletion(backend, input, withNaN, base)).rejects.toThrow(/NaN at pixel \(1, 1\)/);
    await expect(insertion(backend, input, map(3, 3, [0, 1, 2, 3, 4, 5, 6, 7, Infinity]), base)).rejects.toThrow(/Infinity/);
  });

  it('rejects a map that is not one 2-D map', async () => {
    // Three channels of 3×3 given as a 3×3 map, and a [3, 3, 3] tensor given as a map.
    const threeChannels = { height: 3, width: 3, data: new Float32Array(27) };
    expect(await rejectionKindOf(() => insertion(backend, input, threeChannels, base))).toBe('invalid-argument');
    const asTensor = { shape: [3, 3, 3], data: new Float32Array(27) } as unknown as Map2D;
    expect(await rejectionKindOf(() => insertion(backend, input, asTensor, base))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => insertion(backend, input, { height: 0, width: 3, data: new Float32Array(0) }, base))).toBe(
      'invalid-argument',
    );
  });

  it('rejects an input that is not one image of the model’s size', async () => {
    for (const shape of [[3, 3], [1, 1, 3, 3, 1], [2, 1, 3, 3], [1, 3, 4], [2, 3, 3]]) {
      const wrong = { shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) };
      expect(await rejectionKindOf(() => insertion(backend, wrong, saliency, base)), `[${shape.join(',')}]`).toBe('invalid-argument');
    }
    expect(await rejectionKindOf(() => insertion(backend, { shape: [1, 3, 3], data: new Float32Array(8) }, saliency, base))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => insertion(backend, tensor([1, 1, 3, 3], image3), saliency, base))).toBeUndefined();
  });

  it('rejects an unknown baseline, and a blur baseline on an image smaller than 6×6', async () => {
    const grey = 'grey' as unknown as 'zero';
    expect(await rejectionKindOf(() => insertion(backend, input, saliency, { ...base, baseline: grey }))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => insertion(backend, input, saliency, { ...base, baseline: { constant: Number.NaN } }))).toBe(
      'invalid-argument',
    );
    await expect(insertion(backend, input, saliency, { steps: 3 })).rejects.toThrow(/blur baseline.*reflect padding of 5/);
  });

  it('rejects a class outside the model’s outputs', async () => {
    expect(await rejectionKindOf(() => insertion(backend, input, saliency, { ...base, classIndex: 2 }))).toBe('class-out-of-range');
    expect(await rejectionKindOf(() => deletion(backend, input, saliency, { ...base, classIndex: -1 }))).toBe('class-out-of-range');
  });

  it('runs no inference when an argument is wrong, and leaves its arguments untouched', async () => {
    const fresh = createLinearBackend([1, 3, 3], weights3);
    await rejectionKindOf(() => insertion(fresh, input, map(3, 3, [0, 1, 2, 3, Number.NaN, 5, 6, 7, 8]), base));
    await rejectionKindOf(() => insertion(fresh, input, saliency, { ...base, steps: 0 }));
    await rejectionKindOf(() => insertion(fresh, input, saliency, { steps: 3 }));
    await rejectionKindOf(() => insertion(fresh, input, saliency, { ...base, classIndex: 5 }));
    expect(fresh.batchSizes).toEqual([]);
    await insertion(fresh, input, saliency, base);
    expect(Array.from(input.data)).toEqual(Array.from(Float32Array.from(image3)));
    expect(Array.from(saliency.data)).toEqual(Array.from(Float32Array.from(saliency3)));
  });
});
