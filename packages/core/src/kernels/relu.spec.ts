import { describe, expect, it } from 'vitest';
import { relu } from './relu.js';

describe('relu', () => {
  it('keeps positive values and zeroes negative ones', () => {
    expect(Array.from(relu(Float32Array.from([-1, 0, 2.5, -0.001, 7])))).toEqual([0, 0, 2.5, 0, 7]);
  });

  it('turns NaN into 0 and keeps +Infinity', () => {
    const result = relu(Float32Array.from([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]));
    expect(Array.from(result)).toEqual([0, Number.POSITIVE_INFINITY, 0]);
  });

  it('writes +0 for −0', () => {
    expect(Object.is(relu(Float32Array.from([-0]))[0], 0)).toBe(true);
  });

  it('returns a new array of the same length and leaves the input untouched', () => {
    const input = Float32Array.from([-3, 4]);
    const result = relu(input);
    expect(result).not.toBe(input);
    expect(result).toBeInstanceOf(Float32Array);
    expect(Array.from(input)).toEqual([-3, 4]);
    expect(relu(new Float32Array(0)).length).toBe(0);
  });
});
