import { errorKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { pearsonCorrelation } from './pearsonCorrelation.js';

describe('pearsonCorrelation', () => {
  it('is 0.8 for [1,2,3,4] against [1,3,2,4] (worked by hand: covariance 4, variances 5 and 5)', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
  });

  it('is 1 for an increasing linear relation and −1 for a decreasing one', () => {
    expect(pearsonCorrelation([1, 2, 3], Float32Array.of(2, 4, 6))).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('is 0 when either sequence is constant', () => {
    expect(pearsonCorrelation([5, 5, 5], [1, 2, 3])).toBe(0);
  });

  it('rejects sequences of different lengths, empty ones and NaN with invalid-argument', () => {
    expect(errorKindOf(() => pearsonCorrelation([1, 2], [1]))).toBe('invalid-argument');
    expect(errorKindOf(() => pearsonCorrelation([], []))).toBe('invalid-argument');
    expect(errorKindOf(() => pearsonCorrelation([1, Number.NaN], [1, 2]))).toBe('invalid-argument');
  });
});
