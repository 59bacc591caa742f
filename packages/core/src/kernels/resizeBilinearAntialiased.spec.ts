import { describe, expect, it } from 'vitest';
import type { Map2D } from '../tensor/Map2D.js';
import { resizeBilinear } from './resizeBilinear.js';
import { resizeBilinearAntialiased } from './resizeBilinearAntialiased.js';

function row(values: readonly number[]): Map2D {
  return { height: 1, width: values.length, data: Float32Array.from(values) };
}

function expectValues(actual: Float32Array, expected: readonly number[], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual[index], `[${index}]`).toBeCloseTo(value, digits));
}

// PyTorch's antialias=True (PIL's scheme): for a shrink by `scale`, the triangle filter
// 1 − |d| is evaluated at d = (j − centre + 0.5) / scale, with centre = scale·(i + 0.5), over
// j in [trunc(centre − scale + 0.5), trunc(centre + scale + 0.5)) clipped to the image, and the
// weights are normalised to sum to 1.
//
// Factor-2 shrink of 4 pixels:
//   i = 0: centre 1, j = 0..2, d = −0.25, 0.25, 0.75 → 0.75, 0.75, 0.25 → 3/7, 3/7, 1/7
//   i = 1: centre 3, j = 1..3, d = −0.75, −0.25, 0.25 → 0.25, 0.75, 0.75 → 1/7, 3/7, 3/7
// Factor-2 shrink of 8 pixels: interior outputs get 1/8, 3/8, 3/8, 1/8 over four pixels.
describe('resizeBilinearAntialiased (PyTorch antialias=True)', () => {
  it('shrinks a 4-pixel row by 2 with the weights (3,3,1)/7 and (1,3,3)/7', () => {
    expectValues(resizeBilinearAntialiased(row([0, 1, 2, 3]), 1, 2).data, [5 / 7, 16 / 7]);
    expectValues(resizeBilinearAntialiased(row([7, 0, 0, 0]), 1, 2).data, [3, 0]);
    expectValues(resizeBilinearAntialiased(row([0, 0, 7, 0]), 1, 2).data, [1, 3]);
  });

  it('is not box averaging for an even factor: an 8-pixel impulse spreads with (1,3,3,1)/8', () => {
    // A 2-pixel box would give [0, 4, 0, 0].
    expectValues(resizeBilinearAntialiased(row([0, 0, 0, 8, 0, 0, 0, 0]), 1, 4).data, [0, 3, 1, 0]);
  });

  it('shrinks along the height with the same weights as along the width', () => {
    const column: Map2D = { height: 4, width: 1, data: Float32Array.from([0, 1, 2, 3]) };
    const result = resizeBilinearAntialiased(column, 2, 1);
    expect([result.height, result.width]).toEqual([2, 1]);
    expectValues(result.data, [5 / 7, 16 / 7]);
  });

  it('shrinks 4×4 to 2×2 separably', () => {
    // value = 4·row + column, so each output is 4·(row average) + (column average).
    const source: Map2D = { height: 4, width: 4, data: Float32Array.from({ length: 16 }, (_, index) => index) };
    const result = resizeBilinearAntialiased(source, 2, 2);
    expectValues(result.data, [(4 * 5 + 5) / 7, (4 * 5 + 16) / 7, (4 * 16 + 5) / 7, (4 * 16 + 16) / 7]);
  });

  it('lets every source pixel contribute when shrinking, unlike plain bilinear sampling', () => {
    // 5 → 2, scale 2.5: weights (0.7, 0.9, 0.5, 0.1)/2.2 on pixels 0..3 and (0.1, 0.5, 0.9, 0.7)/2.2 on 1..4.
    const source = row([0, 4, 1000, 12, 16]);
    expectValues(resizeBilinearAntialiased(source, 1, 2).data, [504.8 / 2.2, 522.4 / 2.2], 3);
    expectValues(resizeBilinear(source, 1, 2).data, [3, 13]);
    for (const [size, target] of [
      [4, 2],
      [5, 2],
      [9, 4],
      [7, 3],
      [12, 5],
    ] as const) {
      for (let pixel = 0; pixel < size; pixel += 1) {
        const impulse = new Float32Array(size);
        impulse[pixel] = 1;
        const output = resizeBilinearAntialiased({ height: 1, width: size, data: impulse }, 1, target).data;
        const received = output.reduce((sum, value) => sum + value, 0);
        expect(received, `pixel ${pixel} of ${size} → ${target}`).toBeGreaterThan(0);
      }
    }
  });

  it('has weights that sum to 1: a constant stays constant', () => {
    const source: Map2D = { height: 9, width: 13, data: new Float32Array(117).fill(-1.25) };
    for (const [height, width] of [
      [1, 1],
      [4, 6],
      [3, 13],
      [9, 5],
      [2, 20],
      [20, 2],
    ] as const) {
      const result = resizeBilinearAntialiased(source, height, width);
      expect([result.height, result.width]).toEqual([height, width]);
      for (const value of result.data) {
        expect(value).toBeCloseTo(-1.25, 5);
      }
    }
  });

  it('equals resizeBilinear when enlarging', () => {
    const data = Float32Array.from({ length: 12 }, (_, index) => Math.cos(index * 2.3) * 3);
    const source: Map2D = { height: 3, width: 4, data };
    for (const [height, width] of [
      [3, 4],
      [5, 9],
      [6, 8],
      [4, 4],
      [3, 11],
    ] as const) {
      const expected = resizeBilinear(source, height, width);
      expectValues(resizeBilinearAntialiased(source, height, width).data, Array.from(expected.data), 6);
    }
  });

  it('anti-aliases the shrinking axis and samples the growing axis bilinearly', () => {
    // Width 4 → 2 with (3,3,1)/7, (1,3,3)/7; height 2 → 4 with [1,0] [¾,¼] [¼,¾] [0,1].
    const source: Map2D = { height: 2, width: 4, data: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]) };
    const result = resizeBilinearAntialiased(source, 4, 2);
    expect([result.height, result.width]).toEqual([4, 2]);
    expectValues(result.data, [5 / 7, 16 / 7, 1 + 5 / 7, 1 + 16 / 7, 3 + 5 / 7, 3 + 16 / 7, 4 + 5 / 7, 4 + 16 / 7]);
  });

  it('does not modify the source', () => {
    const source = row([1, 2, 3, 4]);
    resizeBilinearAntialiased(source, 1, 2);
    expect(Array.from(source.data)).toEqual([1, 2, 3, 4]);
  });
});
