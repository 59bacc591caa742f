import { describe, expect, it } from 'vitest';
import { isSpatialLayer } from './isSpatialLayer.js';

describe('isSpatialLayer', () => {
  it('accepts [K, h, w] with positive sizes and more than one position', () => {
    expect(isSpatialLayer({ name: 'a', shape: [64, 56, 56] })).toBe(true);
    expect(isSpatialLayer({ name: 'a', shape: [1, 2, 1] })).toBe(true);
  });

  it('rejects a 1×1 map, which cannot localise anything', () => {
    expect(isSpatialLayer({ name: 'a', shape: [512, 1, 1] })).toBe(false);
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
