import { describe, expect, it } from 'vitest';
import { normalizeMap } from './normalizeMap.js';

const f32 = (values: readonly number[]): Float32Array => Float32Array.from(values);

function expectValues(actual: Float32Array, expected: readonly number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual[index], `[${index}]`).toBeCloseTo(value, digits));
}

// u(M) = clamp((M − p0.1) / max(p99.9, 1e−12), 0, 1), the authors' normalisation.
describe('normalizeMap (the authors\' u)', () => {
  it('normalises the values 0..9 with numpy\'s percentiles 0.009 and 8.991', () => {
    // numpy: np.percentile(np.arange(10), [0.1, 99.9]) → 0.009, 8.991
    const values = f32([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const expected = Array.from(values, (v) => Math.min(Math.max((v - 0.009) / 8.991, 0), 1));
    const result = normalizeMap(values);
    expectValues(result, expected);
    // Spot checks from numpy: u(1) = 0.110221332…, u(5) = 0.555110666…
    expect(result[1]).toBeCloseTo(0.11022133244355464, 6);
    expect(result[5]).toBeCloseTo(0.5551106662217772, 6);
    expect(result[0]).toBe(0);
    expect(result[9]).toBeCloseTo(1, 6);
  });

  it('divides by the upper percentile, not by the range', () => {
    // 10..19: p0.1 = 10.009, p99.9 = 18.991 (numpy). u(19) = 8.991 / 18.991 ≈ 0.4734, not 1.
    const values = f32([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const result = normalizeMap(values);
    expect(result[9]).toBeCloseTo(0.47343478489810964, 6);
    expect(result[4]).toBeCloseTo(0.21015217734716443, 6);
    expect(result[0]).toBe(0);
  });

  it('honours another outlier cut (0 → min and max)', () => {
    // lo = 2, hi = 6: (v − 2) / 6, not (v − 2) / 4.
    expectValues(normalizeMap(f32([2, 4, 6]), 0), [0, 1 / 3, 2 / 3]);
  });

  it('clamps values below the lower percentile to 0 and above 1 to 1', () => {
    // 0..998 and an outlier 5000: lo = 0.999, hi = 998 + 0.001·(5000 − 998) = 1002.002.
    // u(0) < 0 → 0; u(5000) > 1 → 1.
    const values = Float32Array.from({ length: 1000 }, (_, index) => (index === 999 ? 5000 : index));
    const result = normalizeMap(values);
    expect(result[0]).toBe(0);
    expect(result[999]).toBe(1);
    expect(result[500]).toBeCloseTo((500 - 0.999) / 1002.002, 6);
  });

  it('gives all zeros for a constant map', () => {
    expect(Array.from(normalizeMap(f32([3, 3, 3, 3])))).toEqual([0, 0, 0, 0]);
    expect(Array.from(normalizeMap(f32([0, 0, 0])))).toEqual([0, 0, 0]);
    expect(Array.from(normalizeMap(f32([-2.5, -2.5])))).toEqual([0, 0]);
  });

  it('divides by 1e-12 when the upper percentile is negative (an all-negative map)', () => {
    // [-4,-3,-2,-1]: lo = -3.997, hi = -1.003 → divisor 1e-12, so every value above lo saturates.
    expect(Array.from(normalizeMap(f32([-4, -3, -2, -1])))).toEqual([0, 1, 1, 1]);
  });

  it('never outputs NaN and stays in [0, 1]', () => {
    const inputs = [
      f32([Number.NaN, 1, 2, 3]),
      f32([Number.NaN, Number.NaN]),
      f32([1, Number.POSITIVE_INFINITY, 2]),
      f32([0, 1e-30, 2e-30]),
      f32([-1e30, 5, 1e30]),
    ];
    for (const input of inputs) {
      const result = normalizeMap(input);
      expect(result.length).toBe(input.length);
      for (const value of result) {
        expect(Number.isNaN(value)).toBe(false);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('returns a new array and leaves the input untouched', () => {
    const values = f32([5, 1, 3]);
    const result = normalizeMap(values);
    expect(result).not.toBe(values);
    expect(Array.from(values)).toEqual([5, 1, 3]);
  });
});
