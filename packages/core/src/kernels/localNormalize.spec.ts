import { describe, expect, it } from 'vitest';
import type { Map2D } from '../tensor/Map2D.js';
import { localNormalize } from './localNormalize.js';

function map(rows: readonly (readonly number[])[]): Map2D {
  return { height: rows.length, width: rows[0]!.length, data: Float32Array.from(rows.flat()) };
}

function expectValues(actual: Float32Array, expected: readonly number[], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual[index], `[${index}]`).toBeCloseTo(value, digits));
}

describe('localNormalize (LNorm)', () => {
  it('divides a 4×4 map by its 2×2 block average upsampled bilinearly (hand-worked)', () => {
    const source = map([
      [1, 3, 2, 2],
      [5, 7, 2, 2],
      [0, 0, 8, 8],
      [0, 0, 8, 8],
    ]);
    // Block averages: [[4, 2], [0, 8]]. Upsampled 2 → 4 with [1,0] [¾,¼] [¼,¾] [0,1]:
    //   [4, 3.5, 2.5, 2]
    //   [3, 3.125, 3.375, 3.5]
    //   [1, 2.375, 5.125, 6.5]
    //   [0, 2, 6, 8]
    const result = localNormalize(source, 2, 2);
    expect([result.height, result.width]).toEqual([4, 4]);
    expectValues(result.data, [
      1 / 4, 3 / 3.5, 2 / 2.5, 2 / 2,
      5 / 3, 7 / 3.125, 2 / 3.375, 2 / 3.5,
      0 / 1, 0 / 2.375, 8 / 5.125, 8 / 6.5,
      0, 0 / 2, 8 / 6, 8 / 8,
    ]);
  });

  it('floors the local average at 1e-12', () => {
    // 2×2 → 1×1 averages to 0, so every value is divided by 1e-12.
    const result = localNormalize(map([[1, -1], [0, 0]]), 1, 1);
    expect(Array.from(result.data)).toEqual([Math.fround(1 / 1e-12), Math.fround(-1 / 1e-12), 0, 0]);
  });

  it('gives zeros, not NaN, for an all-zero map', () => {
    expect(Array.from(localNormalize(map([[0, 0], [0, 0]]), 1, 1).data)).toEqual([0, 0, 0, 0]);
  });

  it('gives 1 everywhere for a positive constant map', () => {
    const result = localNormalize({ height: 6, width: 6, data: new Float32Array(36).fill(0.7) }, 3, 3);
    expectValues(result.data, new Array(36).fill(1), 6);
  });

  it('does not modify the source', () => {
    const source = map([[1, 2], [3, 4]]);
    localNormalize(source, 1, 1);
    expect(Array.from(source.data)).toEqual([1, 2, 3, 4]);
  });
});
