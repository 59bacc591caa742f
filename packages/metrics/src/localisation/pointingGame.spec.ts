import { PolycamError, type Map2D } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { pointingGame } from './pointingGame.js';

function map(height: number, width: number, values: readonly number[]): Map2D {
  expect(values).toHaveLength(height * width);
  return { height, width, data: Float32Array.from(values) };
}

describe('pointingGame', () => {
  // 3 × 3 mask covering the top-right 2 × 2 block.
  const mask = Uint8Array.from([0, 1, 1, 0, 1, 1, 0, 0, 0]);

  it('is a hit when the maximum lies inside the mask', () => {
    expect(pointingGame(map(3, 3, [0.1, 0.2, 0.3, 0.1, 0.9, 0.2, 0.5, 0.4, 0.1]), mask)).toBe(true);
  });

  it('is a miss when the maximum lies outside the mask, however much energy the mask holds', () => {
    expect(pointingGame(map(3, 3, [0.1, 0.8, 0.8, 0.1, 0.8, 0.8, 0.9, 0, 0]), mask)).toBe(false);
  });

  it('takes the first maximum in row-major order on ties', () => {
    // Tied maxima at (0, 0) outside and (1, 1) inside: the first one, a miss.
    expect(pointingGame(map(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 0]), mask)).toBe(false);
    // Tied maxima at (0, 1) inside and (2, 0) outside: the first one, a hit.
    expect(pointingGame(map(3, 3, [0, 1, 0, 0, 0, 0, 1, 0, 0]), mask)).toBe(true);
  });

  it('counts any non-zero mask value as inside', () => {
    expect(pointingGame(map(1, 3, [0, 0, 5]), Uint8Array.from([0, 0, 255]))).toBe(true);
  });

  it('finds the maximum of an all-negative map', () => {
    expect(pointingGame(map(1, 3, [-3, -1, -2]), Uint8Array.from([0, 1, 0]))).toBe(true);
    expect(pointingGame(map(1, 3, [-3, -1, -2]), Uint8Array.from([1, 0, 1]))).toBe(false);
  });

  it('points at the first pixel of a constant map', () => {
    expect(pointingGame(map(2, 2, [0, 0, 0, 0]), Uint8Array.from([1, 0, 0, 0]))).toBe(true);
    expect(pointingGame(map(2, 2, [0, 0, 0, 0]), Uint8Array.from([0, 1, 1, 1]))).toBe(false);
  });

  it('rejects a mask of another size', () => {
    let caught: unknown;
    try {
      pointingGame(map(2, 2, [0, 1, 0, 0]), Uint8Array.from([0, 1, 0]));
    } catch (error) {
      caught = error;
    }
    expect(PolycamError.is(caught, 'invalid-argument')).toBe(true);
    expect((caught as Error).message).toMatch(/2×2/);
  });
});
