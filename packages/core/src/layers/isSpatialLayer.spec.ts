import { describe, expect, it } from 'vitest';
import { isSpatialLayer } from './isSpatialLayer.js';

describe('isSpatialLayer', () => {
  it('accepts [K, h, w] with positive sizes', () => {
    expect(isSpatialLayer({ name: 'a', shape: [64, 56, 56] })).toBe(true);
    expect(isSpatialLayer({ name: 'a', shape: [1, 1, 1] })).toBe(true);
  });

  it('rejects vectors, other ranks and empty or unknown axes', () => {
    expect(isSpatialLayer({ name: 'a', shape: [1000] })).toBe(false);
    expect(isSpatialLayer({ name: 'a', shape: [4, 16] })).toBe(false);
    expect(isSpatialLayer({ name: 'a', shape: [1, 3, 8, 8] })).toBe(false);
    expect(isSpatialLayer({ name: 'a', shape: [8, 0, 8] })).toBe(false);
    expect(isSpatialLayer({ name: 'a', shape: [8, -1, 8] })).toBe(false);
    expect(isSpatialLayer({ name: 'a', shape: [] })).toBe(false);
  });
});
