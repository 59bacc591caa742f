import { describe, expect, it } from 'vitest';
import { errorKindOf } from '@polycam/core/testing';
import { weightedElementSum } from './weightedElementSum.js';

describe('weightedElementSum', () => {
  it('sums W_k ⊙ A_k over two 1×2 channels (hand-worked)', () => {
    // A = [[1, 2], [3, 4]], W = [[10, 0], [-1, 0.5]] → [1·10 + 3·(−1), 2·0 + 4·0.5] = [7, 2]
    const sum = weightedElementSum({ shape: [2, 1, 2], data: Float32Array.of(1, 2, 3, 4) }, Float32Array.of(10, 0, -1, 0.5));
    expect(sum.height).toBe(1);
    expect(sum.width).toBe(2);
    expect(Array.from(sum.data)).toEqual([7, 2]);
  });

  it('skips NaN terms like nansum', () => {
    const sum = weightedElementSum({ shape: [2, 1, 1], data: Float32Array.of(Number.NaN, 3) }, Float32Array.of(1, 2));
    expect(Array.from(sum.data)).toEqual([6]);
  });

  it('raises invalid-argument when there are not K·h·w weights', () => {
    expect(errorKindOf(() => weightedElementSum({ shape: [2, 1, 2], data: new Float32Array(4) }, new Float32Array(2)))).toBe('invalid-argument');
  });
});
