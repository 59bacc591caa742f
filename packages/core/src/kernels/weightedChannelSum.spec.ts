import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';
import { weightedChannelSum } from './weightedChannelSum.js';

function activation(channels: readonly (readonly number[])[], height: number, width: number): Tensor {
  return { shape: [channels.length, height, width], data: Float32Array.from(channels.flat()) };
}

function expectKind(action: () => unknown, kind: string): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PolycamError);
  expect((caught as PolycamError).kind).toBe(kind);
}

describe('weightedChannelSum', () => {
  it('sums two 2×2 channels with their weights (hand-worked)', () => {
    // 0.5·[1,2,3,4] + 2·[10,20,30,40] = [20.5, 41, 61.5, 82]
    const result = weightedChannelSum(
      activation([[1, 2, 3, 4], [10, 20, 30, 40]], 2, 2),
      Float32Array.from([0.5, 2]),
    );
    expect(result.height).toBe(2);
    expect(result.width).toBe(2);
    expect(Array.from(result.data)).toEqual([20.5, 41, 61.5, 82]);
  });

  it('does not rectify: negative weights give negative sums', () => {
    const result = weightedChannelSum(activation([[1, 2], [3, 1]], 1, 2), Float32Array.from([-1, 0.25]));
    // −1·[1,2] + 0.25·[3,1] = [−0.25, −1.75]
    expect(Array.from(result.data)).toEqual([-0.25, -1.75]);
  });

  it('skips NaN terms like numpy\'s nansum', () => {
    // channel 0 has NaN at index 1: index 1 = 2·20 only.
    const result = weightedChannelSum(
      activation([[1, Number.NaN, 3, 4], [10, 20, 30, 40]], 2, 2),
      Float32Array.from([1, 2]),
    );
    expect(Array.from(result.data)).toEqual([21, 40, 63, 84]);
  });

  it('skips a channel whose weight is NaN', () => {
    const result = weightedChannelSum(activation([[1, 2], [5, 6]], 1, 2), Float32Array.from([Number.NaN, 3]));
    expect(Array.from(result.data)).toEqual([15, 18]);
  });

  it('gives 0 where every term is NaN, as nansum does', () => {
    const result = weightedChannelSum(activation([[Number.NaN, 1]], 1, 2), Float32Array.from([2]));
    expect(Array.from(result.data)).toEqual([0, 2]);
  });

  it('skips 0 · Infinity (NaN) but keeps a finite weight times Infinity', () => {
    const result = weightedChannelSum(
      activation([[Number.POSITIVE_INFINITY, 1], [Number.POSITIVE_INFINITY, 1]], 1, 2),
      Float32Array.from([0, 2]),
    );
    expect(Array.from(result.data)).toEqual([Number.POSITIVE_INFINITY, 2]);
    const skipped = weightedChannelSum(activation([[Number.POSITIVE_INFINITY, 1]], 1, 2), Float32Array.from([0]));
    expect(Array.from(skipped.data)).toEqual([0, 0]);
  });

  it('accumulates in double precision before rounding once to float32', () => {
    // 1 + 2000 terms of 1e-8: a float32 accumulator would drop each 1e-8 (below half an ulp
    // of 1) and stay at 1; a double sum rounded once gives fround(1 + 2e-5).
    const channels = 2001;
    const data = new Float32Array(channels).fill(1);
    const weights = new Float32Array(channels).fill(Math.fround(1e-8));
    weights[0] = 1;
    const result = weightedChannelSum({ shape: [channels, 1, 1], data }, weights);
    expect(result.data[0]).toBe(Math.fround(1 + 2000 * Math.fround(1e-8)));
  });

  it('raises invalid-argument when the shapes disagree', () => {
    expectKind(() => weightedChannelSum(activation([[1, 2], [3, 4]], 1, 2), Float32Array.from([1])), 'invalid-argument');
    expectKind(
      () => weightedChannelSum({ shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) }, Float32Array.from([1, 1])),
      'invalid-argument',
    );
    expectKind(
      () => weightedChannelSum({ shape: [1, 1, 2, 2], data: Float32Array.from([1, 2, 3, 4]) }, Float32Array.from([1])),
      'invalid-argument',
    );
  });
});
