import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { seededRandom } from '../random/seededRandom.js';
import type { Map2D } from '../tensor/Map2D.js';
import { gaussianBlur } from './gaussianBlur.js';
import { errorKindOf } from '@polycam/core/testing';

function randomMap(height: number, width: number, seed: number): Map2D {
  const random = seededRandom(seed);
  return { height, width, data: Float32Array.from({ length: height * width }, () => random() * 4 - 2) };
}

/** torchvision's 1-D kernel, in double precision: pdf of linspace(−r, r, k), normalised. */
function kernel1d(kernelSize: number, sigma: number): number[] {
  const radius = (kernelSize - 1) / 2;
  const pdf = Array.from({ length: kernelSize }, (_, index) => Math.exp(-0.5 * ((index - radius) / sigma) ** 2));
  const total = pdf.reduce((sum, value) => sum + value, 0);
  return pdf.map((value) => value / total);
}

/**
 * The definition, written independently of the implementation: pad the map with reflect
 * padding (numpy's 'reflect': the edge is not repeated), then convolve once with the 2-D
 * outer-product kernel.
 */
function referenceBlur(map: Map2D, kernelSize: number, sigma: number): number[] {
  const k = kernel1d(kernelSize, sigma);
  const r = (kernelSize - 1) / 2;
  const paddedHeight = map.height + 2 * r;
  const paddedWidth = map.width + 2 * r;
  const mirror = (i: number, n: number): number => (i < 0 ? -i : i >= n ? 2 * n - 2 - i : i);
  const padded: number[][] = Array.from({ length: paddedHeight }, (_, py) =>
    Array.from({ length: paddedWidth }, (_, px) => map.data[mirror(py - r, map.height) * map.width + mirror(px - r, map.width)]!),
  );
  const output: number[] = [];
  for (let y = 0; y < map.height; y += 1) {
    for (let x = 0; x < map.width; x += 1) {
      let sum = 0;
      for (let i = 0; i < kernelSize; i += 1) {
        for (let j = 0; j < kernelSize; j += 1) {
          sum += k[i]! * k[j]! * padded[y + i]![x + j]!;
        }
      }
      output.push(sum);
    }
  }
  return output;
}

describe('gaussianBlur (torchvision gaussian_blur, reflect padding)', () => {
  it('matches a direct 2-D convolution with reflect padding on a random 9×13 map (k = 11, σ = 5)', () => {
    const map = randomMap(9, 13, 3);
    const result = gaussianBlur(map);
    expect(result.height).toBe(9);
    expect(result.width).toBe(13);
    const expected = referenceBlur(map, 11, 5);
    result.data.forEach((value, index) => expect(value, `pixel ${index}`).toBeCloseTo(expected[index]!, 6));
  });

  it('matches the definition on the smallest map that reflect padding of 5 allows (6×6) and with other kernels', () => {
    const small = randomMap(6, 6, 11);
    const expectedSmall = referenceBlur(small, 11, 5);
    gaussianBlur(small).data.forEach((value, index) => expect(value).toBeCloseTo(expectedSmall[index]!, 6));
    const other = randomMap(7, 5, 12);
    const expectedOther = referenceBlur(other, 5, 1.3);
    gaussianBlur(other, 5, 1.3).data.forEach((value, index) => expect(value).toBeCloseTo(expectedOther[index]!, 6));
  });

  it('reflects without repeating the edge (hand-computed, k = 3, σ = 1)', () => {
    // Kernel [a, b, a] with a = e^−½ / (1 + 2e^−½), b = 1 / (1 + 2e^−½). Row −1 reads row 1 and
    // column −1 reads column 1, so the lone 1 at (1, 1) is seen twice from row 0 and column 0.
    const a = Math.exp(-0.5) / (1 + 2 * Math.exp(-0.5));
    const b = 1 / (1 + 2 * Math.exp(-0.5));
    const result = gaussianBlur({ height: 2, width: 3, data: Float32Array.from([0, 0, 0, 0, 1, 0]) }, 3, 1);
    const expected = [4 * a * a, 2 * a * b, 4 * a * a, 2 * a * b, b * b, 2 * a * b];
    result.data.forEach((value, index) => expect(value, `pixel ${index}`).toBeCloseTo(expected[index]!, 6));
  });

  it('spreads an impulse far from the borders into the outer product of the normalised kernel', () => {
    const data = new Float32Array(23 * 23);
    data[11 * 23 + 11] = 1;
    const result = gaussianBlur({ height: 23, width: 23, data });
    // Centre weight: 1 / Σ_{x=−5..5} e^{−x²/50}, squared.
    const centre = 1 / (1 + 2 * [1, 2, 3, 4, 5].reduce((sum, x) => sum + Math.exp(-(x * x) / 50), 0));
    expect(result.data[11 * 23 + 11]).toBeCloseTo(centre * centre, 7);
    expect(result.data[11 * 23 + 16]).toBeCloseTo(centre * centre * Math.exp(-0.5), 7);
    expect(result.data[11 * 23 + 17]).toBe(0);
    expect(result.data[5 * 23 + 11]).toBe(0);
  });

  it('keeps a constant map constant', () => {
    const result = gaussianBlur({ height: 8, width: 10, data: new Float32Array(80).fill(-1.75) });
    result.data.forEach((value) => expect(value).toBeCloseTo(-1.75, 6));
  });

  it('preserves the sum of a map whose content lies away from the borders', () => {
    const random = seededRandom(5);
    const data = new Float32Array(30 * 30);
    let total = 0;
    for (let y = 10; y < 20; y += 1) {
      for (let x = 10; x < 20; x += 1) {
        data[y * 30 + x] = random();
        total += data[y * 30 + x]!;
      }
    }
    const blurred = gaussianBlur({ height: 30, width: 30, data });
    expect(blurred.data.reduce((sum, value) => sum + value, 0)).toBeCloseTo(total, 4);
  });

  it('leaves its input untouched', () => {
    const map = randomMap(6, 7, 2);
    const copy = map.data.slice();
    gaussianBlur(map);
    expect(Array.from(map.data)).toEqual(Array.from(copy));
  });

  it('raises invalid-argument, as torch does, when the map is not larger than the padding', () => {
    expect(errorKindOf(() => gaussianBlur(randomMap(4, 4, 1)))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(randomMap(5, 9, 1)))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(randomMap(9, 5, 1)))).toBe('invalid-argument');
    expect(() => gaussianBlur(randomMap(4, 4, 1))).toThrow(/reflect padding of 5.*4×4/);
    expect(errorKindOf(() => gaussianBlur(randomMap(4, 4, 1), 7, 2))).toBeUndefined();
  });

  it('raises invalid-argument for a bad kernel size, sigma or data length', () => {
    const map = randomMap(12, 12, 1);
    expect(errorKindOf(() => gaussianBlur(map, 10, 5))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(map, 0, 5))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(map, -3, 5))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(map, 2.5, 5))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(map, 11, 0))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(map, 11, -1))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur(map, 11, Number.NaN))).toBe('invalid-argument');
    expect(errorKindOf(() => gaussianBlur({ height: 12, width: 12, data: new Float32Array(100) }))).toBe('invalid-argument');
  });
});
