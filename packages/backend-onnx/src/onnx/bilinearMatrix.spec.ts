import { seededRandom } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { describe, expect, it } from 'vitest';
import { bilinearMatrix } from './bilinearMatrix.js';

/** rows [H, h] · map [h, w] · columns [w, W], accumulated in float64. */
function product(rows: Float32Array, map: Float32Array, columns: Float32Array, sizes: { H: number; h: number; w: number; W: number }): Float64Array {
  const { H, h, w, W } = sizes;
  const output = new Float64Array(H * W);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      let sum = 0;
      for (let i = 0; i < h; i += 1) for (let j = 0; j < w; j += 1) sum += rows[y * h + i]! * map[i * w + j]! * columns[j * W + x]!;
      output[y * W + x] = sum;
    }
  }
  return output;
}

describe('bilinearMatrix', () => {
  it("resizes like core's resizeBilinear (PyTorch's align_corners=False), up and down", () => {
    const random = seededRandom(5);
    for (const [h, w, H, W] of [[7, 7, 32, 32], [1, 1, 8, 8], [2, 3, 9, 4], [14, 5, 28, 40], [8, 8, 3, 5], [6, 6, 6, 6]] as const) {
      const map = Float32Array.from({ length: h * w }, () => random());
      const expected = resizeBilinear({ height: h, width: w, data: map }, H, W).data;
      const actual = product(bilinearMatrix(H, h, false), map, bilinearMatrix(W, w, true), { H, h, w, W });
      let worst = 0;
      expected.forEach((value, index) => (worst = Math.max(worst, Math.abs(value - actual[index]!))));
      expect(worst, `${h}×${w} → ${H}×${W}`).toBeLessThan(1e-6);
    }
  });

  it('has at most two weights per output, adjacent, non-negative and summing to one', () => {
    for (const [output, input] of [[224, 7], [224, 14], [224, 112], [5, 8], [1, 3], [9, 1]] as const) {
      const matrix = bilinearMatrix(output, input, false);
      for (let row = 0; row < output; row += 1) {
        const weights = Array.from(matrix.subarray(row * input, (row + 1) * input));
        const used = weights.flatMap((weight, index) => (weight !== 0 ? [index] : []));
        expect(used.length).toBeGreaterThanOrEqual(1);
        expect(used.length).toBeLessThanOrEqual(2);
        if (used.length === 2) expect(used[1]! - used[0]!).toBe(1);
        expect(weights.every((weight) => weight >= 0)).toBe(true);
        expect(Math.abs(weights.reduce((sum, weight) => sum + weight, 0) - 1)).toBeLessThan(1e-7);
      }
    }
  });

  it('is the identity for equal sizes, and its transposed layout is its transpose', () => {
    const identity = bilinearMatrix(4, 4, false);
    expect(Array.from(identity)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const [output, input] = [10, 3];
    const matrix = bilinearMatrix(output, input, false);
    const transposed = bilinearMatrix(output, input, true);
    for (let row = 0; row < output; row += 1) {
      for (let column = 0; column < input; column += 1) expect(transposed[column * output + row]).toBe(matrix[row * input + column]);
    }
  });

  it('gives 224 ← 7 the half-pixel weights worked out by hand', () => {
    // Output i samples source (i + 0.5)·7/224 − 0.5 = (i + 0.5)/32 − 0.5, clamped at 0: outputs
    // 0 to 15 lie before the first centre (weight 1 on source 0); output 16 is 1/64 past it.
    const matrix = bilinearMatrix(224, 7, false);
    for (let i = 0; i < 16; i += 1) expect(Array.from(matrix.subarray(i * 7, i * 7 + 2))).toEqual([1, 0]);
    expect(Array.from(matrix.subarray(16 * 7, 16 * 7 + 2))).toEqual([63 / 64, 1 / 64]);
    expect(Array.from(matrix.subarray(47 * 7, 47 * 7 + 2))).toEqual([1 / 64, 63 / 64]);
    // The last 16 outputs lie past the last centre: weight 1 on source 6.
    expect(Array.from(matrix.subarray(223 * 7, 224 * 7))).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });
});
