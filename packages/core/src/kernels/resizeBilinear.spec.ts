import { describe, expect, it } from 'vitest';
import type { Map2D } from '../tensor/Map2D.js';
import { resizeBilinear } from './resizeBilinear.js';

function map(rows: readonly (readonly number[])[]): Map2D {
  return { height: rows.length, width: rows[0]!.length, data: Float32Array.from(rows.flat()) };
}

function rowsOf(result: Map2D): number[][] {
  return Array.from({ length: result.height }, (_, y) =>
    Array.from(result.data.subarray(y * result.width, (y + 1) * result.width)),
  );
}

function expectClose(actual: Map2D, expected: readonly (readonly number[])[], digits = 5): void {
  expect(actual.height).toBe(expected.length);
  expect(actual.width).toBe(expected[0]!.length);
  rowsOf(actual).forEach((row, y) =>
    row.forEach((value, x) => expect(value, `[${y}][${x}]`).toBeCloseTo(expected[y]![x]!, digits)),
  );
}

/**
 * The half-pixel bilinear definition written as a dense interpolation matrix (out × in), in
 * double precision: src = max((dst + 0.5) · in/out − 0.5, 0), the lower neighbour gets
 * 1 − frac, the upper (clamped to the last index) gets frac.
 */
function interpolationMatrix(inputSize: number, outputSize: number): number[][] {
  return Array.from({ length: outputSize }, (_, o) => {
    const row = new Array<number>(inputSize).fill(0);
    const src = Math.max(((o + 0.5) * inputSize) / outputSize - 0.5, 0);
    const i0 = Math.floor(src);
    const i1 = Math.min(i0 + 1, inputSize - 1);
    row[i0]! += 1 - (src - i0);
    row[i1]! += src - i0;
    return row;
  });
}

/** out = Wy · M · Wxᵀ. */
function referenceResize(source: Map2D, height: number, width: number): number[][] {
  const wy = interpolationMatrix(source.height, height);
  const wx = interpolationMatrix(source.width, width);
  return wy.map((rowWeights) =>
    wx.map((columnWeights) => {
      let sum = 0;
      rowWeights.forEach((a, i) =>
        columnWeights.forEach((b, j) => {
          sum += a * b * source.data[i * source.width + j]!;
        }),
      );
      return sum;
    }),
  );
}

describe('resizeBilinear (PyTorch bilinear, align_corners=False)', () => {
  it('upsamples 2×2 to 4×4 with the half-pixel weights [1,0] [¾,¼] [¼,¾] [0,1]', () => {
    // Along each axis the source coordinates are −0.25→0, 0.25, 0.75, 1.25 (upper clamps).
    const result = resizeBilinear(map([[0, 4], [8, 12]]), 4, 4);
    expect(rowsOf(result)).toEqual([
      [0, 1, 3, 4],
      [2, 3, 5, 6],
      [6, 7, 9, 10],
      [8, 9, 11, 12],
    ]);
  });

  it('downsamples 4×4 to 2×2 as 2×2 average pooling', () => {
    const source = map([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [12, 13, 14, 15],
    ]);
    expect(rowsOf(resizeBilinear(source, 2, 2))).toEqual([
      [(0 + 1 + 4 + 5) / 4, (2 + 3 + 6 + 7) / 4],
      [(8 + 9 + 12 + 13) / 4, (10 + 11 + 14 + 15) / 4],
    ]);
  });

  it('downsamples 8×8 to 4×4 as 2×2 average pooling', () => {
    const data = Float32Array.from({ length: 64 }, (_, index) => ((index * 37) % 23) - 7);
    const result = resizeBilinear({ height: 8, width: 8, data }, 4, 4);
    for (let y = 0; y < 4; y += 1) {
      for (let x = 0; x < 4; x += 1) {
        const at = (r: number, c: number): number => data[r * 8 + c]!;
        const mean = (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) / 4;
        expect(result.data[y * 4 + x]).toBeCloseTo(mean, 5);
      }
    }
  });

  it('spreads a 1×1 map over 3×3', () => {
    expect(Array.from(resizeBilinear(map([[2.5]]), 3, 3).data)).toEqual(new Array(9).fill(2.5));
  });

  it('resizes 3 → 5 along the width (non-integer ratio 0.6)', () => {
    // src = (x + 0.5)·0.6 − 0.5 = −0.2→0, 0.4, 1.0, 1.6, 2.2 (upper neighbour clamps at 2).
    const result = resizeBilinear(map([[0, 10, 20]]), 1, 5);
    expectClose(result, [[0, 4, 10, 16, 20]]);
  });

  it('resizes 3 → 5 along the height the same way', () => {
    const result = resizeBilinear(map([[0], [10], [20]]), 5, 1);
    expectClose(result, [[0], [4], [10], [16], [20]]);
  });

  it('downsamples 5 → 2 by sampling without anti-aliasing (the middle pixel is ignored)', () => {
    // src = 0.75 and 3.25: 0.25·x0 + 0.75·x1 and 0.75·x3 + 0.25·x4.
    expectClose(resizeBilinear(map([[0, 4, 1000, 12, 16]]), 1, 2), [[3, 13]]);
  });

  it('matches the interpolation-matrix form of the definition on non-square sizes', () => {
    const data = Float32Array.from({ length: 15 }, (_, index) => Math.sin(index * 1.7) * 5);
    const source: Map2D = { height: 3, width: 5, data };
    for (const [height, width] of [
      [7, 2],
      [2, 9],
      [6, 10],
      [1, 1],
      [4, 3],
      [3, 4],
    ] as const) {
      expectClose(resizeBilinear(source, height, width), referenceResize(source, height, width));
    }
  });

  it('returns a copy when the size is unchanged', () => {
    const source = map([[1, 2], [3, 4]]);
    const result = resizeBilinear(source, 2, 2);
    expect(Array.from(result.data)).toEqual([1, 2, 3, 4]);
    expect(result.data).not.toBe(source.data);
    result.data[0] = 99;
    expect(source.data[0]).toBe(1);
  });

  it('keeps a constant map constant at any size', () => {
    const source: Map2D = { height: 3, width: 7, data: new Float32Array(21).fill(0.375) };
    for (const [height, width] of [
      [1, 1],
      [2, 3],
      [5, 5],
      [6, 14],
      [13, 4],
    ] as const) {
      const result = resizeBilinear(source, height, width);
      expect(result.data.length).toBe(height * width);
      for (const value of result.data) {
        expect(value).toBeCloseTo(0.375, 6);
      }
    }
  });

  it('does not modify the source', () => {
    const source = map([[1, 2], [3, 4]]);
    resizeBilinear(source, 5, 3);
    expect(Array.from(source.data)).toEqual([1, 2, 3, 4]);
  });
});
