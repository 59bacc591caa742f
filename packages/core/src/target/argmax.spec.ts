import { describe, expect, it } from 'vitest';
import { argmax } from './argmax.js';

describe('argmax', () => {
  it('finds the largest value', () => {
    expect(argmax(Float32Array.from([0.1, 0.7, 0.2]))).toBe(1);
    expect(argmax(Float32Array.from([-5, -2, -9]))).toBe(1);
    expect(argmax(Float32Array.from([3]))).toBe(0);
  });

  it('picks the first index on ties', () => {
    expect(argmax(Float32Array.from([1, 3, 3, 2]))).toBe(1);
    expect(argmax(Float32Array.from([4, 4, 4]))).toBe(0);
  });

  it('never picks NaN unless every value is NaN', () => {
    expect(argmax(Float32Array.from([Number.NaN, 1, Number.NaN, 0.5]))).toBe(1);
    expect(argmax(Float32Array.from([Number.NaN, Number.NaN]))).toBe(0);
  });
});
