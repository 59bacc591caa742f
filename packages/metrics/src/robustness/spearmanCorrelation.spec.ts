import { PolycamError } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { spearmanCorrelation } from './spearmanCorrelation.js';
import { errorKindOf } from '@polycam/core/testing';

describe('spearmanCorrelation', () => {
  it('is 1 for any increasing relation and −1 for any decreasing one', () => {
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 8, 27, 64])).toBe(1);
    expect(spearmanCorrelation([1, 2, 3, 4], [10, 0, -5, -50])).toBe(-1);
    expect(spearmanCorrelation([0.3, -2, 7, 1], [Math.exp(0.3), Math.exp(-2), Math.exp(7), Math.exp(1)])).toBe(1);
  });

  it('matches 1 − 6Σd² / (n(n² − 1)) without ties', () => {
    // Ranks [1,2,3,4,5] and [2,1,4,3,5]: Σd² = 4, so ρ = 1 − 24/120 = 0.8.
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 14);
    // Ranks [1,2,3] and [3,1,2]: Σd² = 4 + 1 + 1 = 6, so ρ = 1 − 36/24 = −0.5.
    expect(spearmanCorrelation([10, 20, 30], [9, 1, 5])).toBeCloseTo(-0.5, 14);
  });

  it('gives tied values the average of their ranks (worked by hand, and as SciPy gives)', () => {
    // b = [5,6,7,8,7] ranks as [1, 2, 3.5, 5, 3.5]; against [1..5] (deviations [−2,−1,0,1,2]
    // and [−2,−1,0.5,2,0.5]): covariance 8, variances 10 and 9.5, so ρ = 8/√95.
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 14);
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 14); // scipy.stats.spearmanr
    // Ties on both sides: ranks [1.5,1.5,3.5,3.5] and [1.5,3.5,1.5,3.5] have zero covariance.
    expect(spearmanCorrelation([1, 1, 2, 2], [1, 2, 1, 2])).toBe(0);
  });

  it('agrees with scipy.stats.spearmanr on sequences with many ties', () => {
    // Reference values computed with SciPy 1.17.
    expect(spearmanCorrelation([3.1, -2, 0.5, 0.5, 7, 1e-3, 7, 2], [0.2, 0.9, -1, 0.4, 0.4, 3, 2.5, 0.4])).toBeCloseTo(-0.19754591932991794, 12);
    expect(spearmanCorrelation([0, 0, 1, 1, 1, 2, 2, 3], [9, 8, 7, 7, 6, 5, 5, 5])).toBeCloseTo(-0.9554333937093655, 12);
  });

  it('is symmetric, ignores strictly increasing transforms, and reads typed arrays', () => {
    const a = Float32Array.of(0.5, 0.1, 0.9, 0.1, 0.3, 0.7);
    const b = [3, 1, 2, 2, 5, 4];
    const value = spearmanCorrelation(a, b);
    expect(spearmanCorrelation(b, a)).toBe(value);
    expect(spearmanCorrelation(a.map((x) => x ** 3 + 10), b)).toBeCloseTo(value, 14);
    expect(spearmanCorrelation(a, b.map((x) => -x))).toBeCloseTo(-value, 14);
    expect(spearmanCorrelation([-Infinity, 0, Infinity], [1, 2, 3])).toBe(1);
    expect(spearmanCorrelation([0, -0, 1], [5, 5, 6])).toBe(1); // 0 and −0 tie
  });

  it('is 0, by definition here, when either sequence is constant (SciPy gives NaN)', () => {
    expect(spearmanCorrelation([2, 2, 2, 2], [1, 2, 3, 4])).toBe(0);
    expect(spearmanCorrelation([1, 2, 3, 4], new Float32Array(4))).toBe(0);
    expect(spearmanCorrelation([5, 5], [5, 5])).toBe(0);
    expect(spearmanCorrelation([7], [3])).toBe(0);
  });

  it('rejects sequences of different lengths, empty ones and NaN with invalid-argument', () => {
    expect(errorKindOf(() => spearmanCorrelation([1, 2, 3], [1, 2]))).toBe('invalid-argument');
    expect(errorKindOf(() => spearmanCorrelation([], []))).toBe('invalid-argument');
    expect(errorKindOf(() => spearmanCorrelation([1, Number.NaN], [1, 2]))).toBe('invalid-argument');
    expect(errorKindOf(() => spearmanCorrelation([1, 2], Float32Array.of(0, Number.NaN)))).toBe('invalid-argument');
  });
});
