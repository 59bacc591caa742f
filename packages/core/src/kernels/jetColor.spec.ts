import { describe, expect, it } from 'vitest';
import { jetColor } from './jetColor.js';

// The jet colormap as the source defines it: each channel is a clamped tent,
// round(255 · clamp(1.5 − |4x − c|, 0, 1)), centred at c = 3 for red, 2 for green, 1 for blue.

describe('jetColor', () => {
  it.each([
    [0, [0, 0, 128], 'dark blue'],
    [0.125, [0, 0, 255], 'blue'],
    [0.25, [0, 128, 255], 'azure'],
    [0.375, [0, 255, 255], 'cyan'],
    [0.5, [128, 255, 128], 'green-ish'],
    [0.625, [255, 255, 0], 'yellow'],
    [0.75, [255, 128, 0], 'orange'],
    [0.875, [255, 0, 0], 'red'],
    [1, [128, 0, 0], 'dark red'],
  ] as [number, number[], string][])('maps %d to %j (%s)', (value, rgb) => {
    expect(jetColor(value)).toEqual(rgb);
  });

  it('follows the tent formula everywhere, with 8-bit integer channels', () => {
    const tent = (x: number, centre: number): number => Math.round(255 * Math.min(Math.max(1.5 - Math.abs(4 * x - centre), 0), 1));
    for (let step = 0; step <= 1000; step += 1) {
      const x = step / 1000;
      const colour = jetColor(x);
      expect(colour).toEqual([tent(x, 3), tent(x, 2), tent(x, 1)]);
      for (const channel of colour) {
        expect(Number.isInteger(channel)).toBe(true);
        expect(channel).toBeGreaterThanOrEqual(0);
        expect(channel).toBeLessThanOrEqual(255);
      }
    }
  });

  it('goes from blue-dominant to red-dominant: blue falls and red rises across the range', () => {
    expect(jetColor(0.1)[2]).toBeGreaterThan(jetColor(0.1)[0]);
    expect(jetColor(0.9)[0]).toBeGreaterThan(jetColor(0.9)[2]);
    expect(jetColor(0.3)[2]).toBeGreaterThanOrEqual(jetColor(0.7)[2]);
    expect(jetColor(0.7)[0]).toBeGreaterThanOrEqual(jetColor(0.3)[0]);
  });

  it('clamps values outside [0, 1]', () => {
    expect(jetColor(-0.5)).toEqual(jetColor(0));
    expect(jetColor(-Infinity)).toEqual(jetColor(0));
    expect(jetColor(1.7)).toEqual(jetColor(1));
    expect(jetColor(Infinity)).toEqual(jetColor(1));
  });
});
