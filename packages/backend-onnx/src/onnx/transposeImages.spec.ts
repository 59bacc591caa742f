import { describe, expect, it } from 'vitest';
import { transposeImages } from './transposeImages.js';

describe('transposeImages', () => {
  // Two images of 2 channels × 3 pixels; value = 100·image + 10·channel + pixel.
  const planar = Float32Array.from([0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112]);
  const interleaved = Float32Array.from([0, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112]);

  it('interleaves channels (NCHW → NHWC) and back', () => {
    expect(transposeImages(planar, 2, 2, 3, true)).toEqual(interleaved);
    expect(transposeImages(interleaved, 2, 2, 3, false)).toEqual(planar);
  });

  it('returns a new array and leaves its input alone', () => {
    const copy = planar.slice();
    const output = transposeImages(planar, 2, 2, 3, true);
    expect(output).not.toBe(planar);
    expect(planar).toEqual(copy);
  });

  it('round-trips a larger batch', () => {
    const data = Float32Array.from({ length: 3 * 4 * 5 * 7 }, (_, index) => Math.sin(index));
    expect(transposeImages(transposeImages(data, 3, 4, 35, true), 3, 4, 35, false)).toEqual(data);
  });
});
