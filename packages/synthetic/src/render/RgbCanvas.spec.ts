import { describe, expect, it } from 'vitest';
import { RgbCanvas } from './RgbCanvas.js';

function pixel(canvas: RgbCanvas, x: number, y: number): number[] {
  const { data } = canvas.toPixels();
  const offset = (y * canvas.size + x) * 3;
  return Array.from(data.subarray(offset, offset + 3));
}

describe('RgbCanvas', () => {
  it('starts black and quantises to size × size RGB pixels', () => {
    const canvas = new RgbCanvas(4);
    const pixels = canvas.toPixels();
    expect(pixels.height).toBe(4);
    expect(pixels.width).toBe(4);
    expect(pixels.channels).toBe(3);
    expect(pixels.data).toEqual(new Uint8Array(48));
  });

  it('fills row-major from a colour function of column and row', () => {
    const canvas = new RgbCanvas(3);
    canvas.fill((x, y) => [x / 2, y / 2, 1]);
    expect(pixel(canvas, 2, 0)).toEqual([255, 0, 255]);
    expect(pixel(canvas, 0, 2)).toEqual([0, 255, 255]);
    expect(pixel(canvas, 1, 1)).toEqual([128, 128, 255]); // 0.5·255 = 127.5 rounds up
  });

  it('blends a colour over a pixel with its coverage', () => {
    const canvas = new RgbCanvas(2);
    canvas.fill(() => [0.2, 0.6, 1]);
    canvas.blend(1, 0, [1, 0, 0.2], 0.25);
    // 0.75·0.2 + 0.25·1 = 0.4 → 102; 0.75·0.6 = 0.45 → 114.75 → 115; 0.75 + 0.05 = 0.8 → 204.
    expect(pixel(canvas, 1, 0)).toEqual([102, 115, 204]);
    expect(pixel(canvas, 0, 0)).toEqual([51, 153, 255]); // untouched: 0.2, 0.6, 1
    expect(pixel(canvas, 0, 1)).toEqual([51, 153, 255]);
  });

  it('leaves a pixel unchanged at coverage 0 and replaces it at coverage 1', () => {
    const canvas = new RgbCanvas(2);
    canvas.fill(() => [0.2, 0.6, 1]);
    canvas.blend(0, 0, [1, 1, 1], 0);
    canvas.blend(1, 1, [0, 0.4, 0.8], 1);
    expect(pixel(canvas, 0, 0)).toEqual([51, 153, 255]);
    expect(pixel(canvas, 1, 1)).toEqual([0, 102, 204]);
  });

  it('composes successive blends', () => {
    const canvas = new RgbCanvas(1);
    canvas.blend(0, 0, [1, 1, 1], 0.5);
    canvas.blend(0, 0, [1, 1, 1], 0.5); // 0.75 → 191.25 → 191
    expect(pixel(canvas, 0, 0)).toEqual([191, 191, 191]);
  });

  it('adds to every component and clamps to [0, 1] when quantising', () => {
    const canvas = new RgbCanvas(1);
    canvas.fill(() => [0.2, 0.6, 0.9]);
    canvas.add(0, 0, [-0.5, 0.5, 0.04]);
    // −0.3 → 0; 1.1 → 255; 0.94 → 239.7 → 240.
    expect(pixel(canvas, 0, 0)).toEqual([0, 255, 240]);
  });

  it('rounds to the nearest 8-bit level', () => {
    const canvas = new RgbCanvas(1);
    canvas.fill(() => [100.4 / 255, 100.6 / 255, 254.6 / 255]);
    expect(pixel(canvas, 0, 0)).toEqual([100, 101, 255]);
  });
});
