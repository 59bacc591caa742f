import { PolycamError, seededRandom, type Map2D, type Tensor } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { sensitivityMax } from './sensitivityMax.js';

const [HEIGHT, WIDTH] = [6, 8];
const SIZE = HEIGHT * WIDTH;

function image(seed: number, scale = 1): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 1, HEIGHT, WIDTH], data: Float32Array.from({ length: SIZE }, () => scale * (random() * 2 - 1)) };
}

/** E(x) = factor · x, the input itself as a map. */
function linear(factor: number): (input: Tensor) => Promise<Map2D> {
  return (input) => Promise.resolve({ height: HEIGHT, width: WIDTH, data: input.data.map((value) => factor * value) });
}

function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]! ** 2;
  return Math.sqrt(sum);
}

async function rejectionOf(promise: Promise<unknown>): Promise<PolycamError> {
  try {
    await promise;
  } catch (error) {
    expect(PolycamError.is(error)).toBe(true);
    return error as PolycamError;
  }
  throw new Error('the promise resolved');
}

describe('sensitivityMax', () => {
  it('is ‖δ‖/‖x‖ for the identity explainer, with δ drawn uniformly in [−r, r) by the seeded generator', async () => {
    const input = image(1);
    const copy = input.data.slice();
    const seen: Float32Array[] = [];
    const result = await sensitivityMax((perturbed) => {
      seen.push(perturbed.data);
      expect(perturbed.shape).toEqual(input.shape);
      return linear(1)(perturbed);
    }, input);
    expect(input.data).toEqual(copy); // left untouched
    expect(seen).toHaveLength(11); // the original, then 10 samples by default
    expect(seen[0]).toEqual(input.data);
    // The same draws, by hand: seed 0, sample after sample, element after element.
    const random = seededRandom(0);
    const expected = Array.from({ length: 10 }, (_, sample) => {
      const perturbed = Float32Array.from(input.data, (value) => value + (2 * random() - 1) * 0.02);
      expect(seen[sample + 1]).toEqual(perturbed);
      const delta = Array.from(perturbed, (value, index) => value - input.data[index]!);
      return norm(delta) / norm(input.data);
    });
    result.perSample.forEach((value, sample) => expect(value).toBeCloseTo(expected[sample]!, 12));
    expect(result.value).toBe(Math.max(...result.perSample));
    // Every perturbation stays in the L∞ ball: the change is at most r·√n / ‖x‖.
    const bound = (0.02 * Math.sqrt(SIZE)) / norm(input.data);
    expect(result.value).toBeLessThanOrEqual(bound);
    expect(result.value).toBeGreaterThan(bound / 3); // uniform draws: ‖δ‖ ≈ r·√(n/3)
    const deltas = seen.slice(1).flatMap((data) => Array.from(data, (value, index) => value - input.data[index]!));
    expect(Math.max(...deltas.map(Math.abs))).toBeLessThanOrEqual(0.02 + 1e-6);
    expect(Math.max(...deltas)).toBeGreaterThan(0.019);
    expect(Math.min(...deltas)).toBeLessThan(-0.019);
  });

  it('is the same for a linear explainer scaled by 2, whose map changes twice as much from a map twice as large', async () => {
    const input = image(2);
    const identity = await sensitivityMax(linear(1), input, { seed: 5 });
    const doubled = await sensitivityMax(linear(2), input, { seed: 5 });
    doubled.perSample.forEach((value, sample) => expect(value).toBeCloseTo(identity.perSample[sample]!, 12));
  });

  it('scales with the radius and inversely with the input for the identity explainer', async () => {
    const small = await sensitivityMax(linear(1), image(3), { radius: 0.01, seed: 2 });
    const large = await sensitivityMax(linear(1), image(3), { radius: 0.04, seed: 2 });
    const scaledInput = await sensitivityMax(linear(1), image(3, 4), { radius: 0.04, seed: 2 });
    large.perSample.forEach((value, sample) => {
      expect(value).toBeCloseTo(4 * small.perSample[sample]!, 5);
      expect(scaledInput.perSample[sample]).toBeCloseTo(value / 4, 5);
    });
  });

  it('is 0 for a constant explainer, and for radius 0', async () => {
    const constant = (): Promise<Map2D> => Promise.resolve({ height: 2, width: 2, data: Float32Array.of(1, 2, 3, 4) });
    const result = await sensitivityMax(constant, image(4));
    expect(result).toEqual({ value: 0, perSample: new Array(10).fill(0) });
    expect((await sensitivityMax(linear(1), image(4), { radius: 0, samples: 3 })).value).toBe(0);
  });

  it('divides by 1 instead of 0 when the original map is all zero, as Captum does', async () => {
    const zero: Tensor = { shape: [SIZE], data: new Float32Array(SIZE) };
    const result = await sensitivityMax(linear(1), zero, { samples: 4, seed: 9 });
    const random = seededRandom(9);
    result.perSample.forEach((value) => {
      const delta = Float32Array.from({ length: SIZE }, () => (2 * random() - 1) * 0.02);
      expect(value).toBeCloseTo(norm(delta), 12);
    });
  });

  it('takes the number of samples and the seed: the same seed gives the same result, another seed another', async () => {
    const input = image(5);
    const first = await sensitivityMax(linear(1), input, { samples: 3, seed: 7 });
    expect(first.perSample).toHaveLength(3);
    expect(await sensitivityMax(linear(1), input, { samples: 3, seed: 7 })).toEqual(first);
    expect((await sensitivityMax(linear(1), input, { samples: 3, seed: 8 })).perSample).not.toEqual(first.perSample);
    expect(await sensitivityMax(linear(1), input, { samples: 3 })).toEqual(await sensitivityMax(linear(1), input, { samples: 3, seed: 0 }));
  });

  it('rejects impossible options, a mismatched input and maps that change size with invalid-argument', async () => {
    for (const options of [{ samples: 0 }, { samples: 2.5 }, { radius: -0.1 }, { radius: Number.NaN }, { seed: Number.POSITIVE_INFINITY }]) {
      expect((await rejectionOf(sensitivityMax(linear(1), image(6), options))).kind).toBe('invalid-argument');
    }
    expect((await rejectionOf(sensitivityMax(linear(1), { shape: [2, 3], data: new Float32Array(5) }))).kind).toBe('invalid-argument');
    let calls = 0;
    const shrinking = (): Promise<Map2D> => Promise.resolve({ height: 1, width: 3 - calls, data: new Float32Array(3 - calls++) });
    expect((await rejectionOf(sensitivityMax(shrinking, image(6)))).kind).toBe('invalid-argument');
  });

  it('passes the signal to each explanation and stops with aborted when it fires', async () => {
    const controller = new AbortController();
    const signals: (AbortSignal | undefined)[] = [];
    const explain = (input: Tensor, signal?: AbortSignal): Promise<Map2D> => {
      signals.push(signal);
      if (signals.length === 3) controller.abort();
      return linear(1)(input);
    };
    expect((await rejectionOf(sensitivityMax(explain, image(7), { signal: controller.signal }))).kind).toBe('aborted');
    expect(signals).toEqual([controller.signal, controller.signal, controller.signal]);
    signals.length = 0;
    expect((await rejectionOf(sensitivityMax(explain, image(7), { signal: controller.signal }))).kind).toBe('aborted');
    expect(signals).toHaveLength(0); // nothing explained once aborted
  });
});
