import { describe, expect, it } from 'vitest';
import { padToChunk } from './padToChunk.js';

describe('padToChunk', () => {
  it('pads a short chunk with zeros into a new array', () => {
    const values = Float32Array.from([1, 2, 3]);
    const padded = padToChunk(values, 5);
    expect(padded).toEqual(Float32Array.from([1, 2, 3, 0, 0]));
    expect(values).toEqual(Float32Array.from([1, 2, 3]));
  });

  it('returns a full chunk as it is', () => {
    const values = Float32Array.from([1, 2, 3, 4]);
    expect(padToChunk(values, 4)).toBe(values);
  });
});
