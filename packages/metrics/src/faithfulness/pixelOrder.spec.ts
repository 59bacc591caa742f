import { describe, expect, it } from 'vitest';
import { pixelOrder } from './pixelOrder.js';

describe('pixelOrder', () => {
  it('sorts by descending value and breaks ties by ascending index (0 and −0 tie)', () => {
    expect(Array.from(pixelOrder(Float32Array.from([0, -1, 3, 3, -0, 2])))).toEqual([2, 3, 5, 0, 4, 1]);
  });

  it('keeps index order for a constant map and reverses an ascending one', () => {
    expect(Array.from(pixelOrder(new Float32Array(5).fill(0.25)))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(pixelOrder(Float32Array.from([1, 2, 3, 4])))).toEqual([3, 2, 1, 0]);
  });

  it('orders extreme finite values without overflow', () => {
    const max = 3.4028234663852886e38;
    expect(Array.from(pixelOrder(Float32Array.from([-max, max, 0, max])))).toEqual([1, 3, 2, 0]);
  });
});
