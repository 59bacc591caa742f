import { describe, expect, it } from 'vitest';
import { overlayPixels } from './overlayPixels.js';

describe('overlayPixels', () => {
  const image = { width: 2, height: 1, channels: 3, data: new Uint8Array([100, 50, 0, 200, 200, 200]) };
  const map = { width: 2, height: 1, data: new Float32Array([0, 1]) };

  it('blends the jet colour over the image by the opacity, worked out by hand', () => {
    // jet(0) = (0, 0, 128): round(255 · clamp(1.5 − |0 − 1|, 0, 1)) = 128 for blue; jet(1) = (128, 0, 0).
    expect(Array.from(overlayPixels(image, map, 0.5))).toEqual([50, 25, 64, 255, 164, 100, 100, 255]);
  });

  it('shows the image alone at opacity 0 and the colours alone at opacity 1', () => {
    expect(Array.from(overlayPixels(image, map, 0))).toEqual([100, 50, 0, 255, 200, 200, 200, 255]);
    expect(Array.from(overlayPixels(image, map, 1))).toEqual([0, 0, 128, 255, 128, 0, 0, 255]);
  });

  it('spreads a greyscale image over the three channels', () => {
    const grey = { width: 1, height: 1, channels: 1, data: new Uint8Array([90]) };
    expect(Array.from(overlayPixels(grey, { width: 1, height: 1, data: new Float32Array([0]) }, 0))).toEqual([90, 90, 90, 255]);
  });
});
