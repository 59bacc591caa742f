import { PolycamError, type Map2D } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { energyInMask } from './energyInMask.js';

function map(height: number, width: number, values: readonly number[]): Map2D {
  expect(values).toHaveLength(height * width);
  return { height, width, data: Float32Array.from(values) };
}

describe('energyInMask', () => {
  const mask = Uint8Array.from([1, 1, 0, 0]);

  it('is the share of the map inside the mask', () => {
    // Inside 1 + 2 = 3 of a total 1 + 2 + 3 + 4 = 10.
    expect(energyInMask(map(2, 2, [1, 2, 3, 4]), mask)).toBeCloseTo(0.3, 6);
    expect(energyInMask(map(2, 2, [3, 1, 0, 0]), mask)).toBe(1);
    expect(energyInMask(map(2, 2, [0, 0, 2, 5]), mask)).toBe(0);
  });

  it('counts negative values as zero', () => {
    // Inside max(4, 0) + max(−2, 0) = 4; total 4 + 0 + 0 + 4 = 8.
    expect(energyInMask(map(2, 2, [4, -2, -10, 4]), mask)).toBeCloseTo(0.5, 6);
    // Only negative values outside: everything positive is inside.
    expect(energyInMask(map(2, 2, [1, 1, -5, -5]), mask)).toBe(1);
  });

  it('scores 0 for an all-zero or all-negative map', () => {
    expect(energyInMask(map(2, 2, [0, 0, 0, 0]), mask)).toBe(0);
    expect(energyInMask(map(2, 2, [-1, -2, -3, -4]), mask)).toBe(0);
  });

  it('does not depend on the scale of the map', () => {
    const values = [0.2, 0.7, 0.1, 0.5];
    const scaled = values.map((value) => value * 1000);
    expect(energyInMask(map(2, 2, scaled), mask)).toBeCloseTo(energyInMask(map(2, 2, values), mask), 6);
    expect(energyInMask(map(2, 2, values), mask)).toBeCloseTo(0.9 / 1.5, 6);
  });

  it('counts any non-zero mask value as inside', () => {
    expect(energyInMask(map(1, 4, [1, 1, 1, 1]), Uint8Array.from([255, 0, 7, 0]))).toBeCloseTo(0.5, 6);
  });

  it('rejects a mask of another size', () => {
    let caught: unknown;
    try {
      energyInMask(map(1, 4, [1, 1, 1, 1]), Uint8Array.from([1, 1, 1, 1, 1]));
    } catch (error) {
      caught = error;
    }
    expect(PolycamError.is(caught, 'invalid-argument')).toBe(true);
    expect((caught as Error).message).toMatch(/\b5\b/);
  });
});
