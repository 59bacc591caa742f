import { describe, expect, it } from 'vitest';
import { paintShape } from './paintShape.js';
import { RgbCanvas } from './RgbCanvas.js';

const WHITE = [1, 1, 1] as const;
const SIZE = 8;

function blackCanvas(): RgbCanvas {
  return new RgbCanvas(SIZE);
}

function red(canvas: RgbCanvas, x: number, y: number): number {
  return canvas.toPixels().data[(y * SIZE + x) * 3]!;
}

describe('paintShape', () => {
  // Subsamples of pixel x sit at x + 1/6, x + 1/2 and x + 5/6.
  it('covers a full pixel with 1 and a pixel outside the shape with 0', () => {
    const canvas = blackCanvas();
    const coverage = paintShape(canvas, [0, 0, SIZE - 1, SIZE - 1], (x) => x < 3.4, () => WHITE);
    for (let y = 0; y < SIZE; y += 1) {
      for (const x of [0, 1, 2]) {
        expect(coverage[y * SIZE + x]).toBe(1);
        expect(red(canvas, x, y)).toBe(255);
      }
      for (const x of [4, 5, 6, 7]) {
        expect(coverage[y * SIZE + x]).toBe(0);
        expect(red(canvas, x, y)).toBe(0);
      }
    }
  });

  it('covers a third of a pixel that a vertical edge crosses between its first and second subsample columns', () => {
    const canvas = blackCanvas();
    const coverage = paintShape(canvas, [0, 0, SIZE - 1, SIZE - 1], (x) => x < 3.4, () => WHITE);
    for (let y = 0; y < SIZE; y += 1) {
      expect(coverage[y * SIZE + 3]).toBeCloseTo(1 / 3, 6);
      expect(red(canvas, 3, y)).toBe(85); // 255 / 3
    }
  });

  it('covers two thirds of a pixel that the edge crosses between its second and third subsample columns', () => {
    const canvas = blackCanvas();
    const coverage = paintShape(canvas, [0, 0, SIZE - 1, SIZE - 1], (x) => x < 3.6, () => WHITE);
    for (let y = 0; y < SIZE; y += 1) {
      expect(coverage[y * SIZE + 3]).toBeCloseTo(2 / 3, 6);
      expect(red(canvas, 3, y)).toBe(170);
    }
  });

  it('samples rows the same way: a horizontal edge gives 1/3 and 2/3', () => {
    const third = paintShape(blackCanvas(), [0, 0, SIZE - 1, SIZE - 1], (_x, y) => y > 5.6, () => WHITE);
    const twoThirds = paintShape(blackCanvas(), [0, 0, SIZE - 1, SIZE - 1], (_x, y) => y > 5.4, () => WHITE);
    for (let x = 0; x < SIZE; x += 1) {
      expect(third[5 * SIZE + x]).toBeCloseTo(1 / 3, 6);
      expect(twoThirds[5 * SIZE + x]).toBeCloseTo(2 / 3, 6);
      expect(third[4 * SIZE + x]).toBe(0);
      expect(third[6 * SIZE + x]).toBe(1);
    }
  });

  it('covers a corner quadrant with (1/3)·(1/3) = 1/9', () => {
    const coverage = paintShape(blackCanvas(), [0, 0, SIZE - 1, SIZE - 1], (x, y) => x < 2.4 && y < 2.4, () => WHITE);
    expect(coverage[2 * SIZE + 2]).toBeCloseTo(1 / 9, 6);
    expect(coverage[1 * SIZE + 2]).toBeCloseTo(1 / 3, 6);
    expect(coverage[1 * SIZE + 1]).toBe(1);
  });

  it('paints the mean colour of the covered subsamples, blended by the coverage', () => {
    const canvas = blackCanvas();
    // Covered subsamples of pixel 3: x = 3 1/6 (red) and 3 1/2 (blue); mean (0.5, 0, 0.5), alpha 2/3.
    paintShape(canvas, [0, 0, SIZE - 1, SIZE - 1], (x) => x < 3.6, (x) => (x < 3.3 ? [1, 0, 0] : [0, 0, 1]));
    const { data } = canvas.toPixels();
    expect(Array.from(data.subarray((2 * SIZE + 3) * 3, (2 * SIZE + 3) * 3 + 3))).toEqual([85, 0, 85]);
    expect(Array.from(data.subarray((2 * SIZE + 2) * 3, (2 * SIZE + 2) * 3 + 3))).toEqual([255, 0, 0]); // all red
  });

  it('blends over what is already painted', () => {
    const canvas = blackCanvas();
    canvas.fill(() => [0, 0.4, 0]);
    paintShape(canvas, [0, 0, SIZE - 1, SIZE - 1], (x) => x < 3.6, () => [1, 1, 1]);
    const { data } = canvas.toPixels();
    // Pixel 3: 1/3·(0, 0.4, 0) + 2/3·(1, 1, 1) = (0.6667, 0.8, 0.6667) → (170, 204, 170).
    expect(Array.from(data.subarray(3 * 3, 3 * 3 + 3))).toEqual([170, 204, 170]);
  });

  it('paints only inside the box, clipped to the canvas, and reports zero coverage elsewhere', () => {
    const canvas = blackCanvas();
    const coverage = paintShape(canvas, [-5, -5, 2.5, 1.2], () => true, () => WHITE);
    expect(coverage).toHaveLength(SIZE * SIZE);
    // Columns floor(−5)…ceil(2.5) → 0…3 and rows 0…2, after clipping.
    for (let y = 0; y < SIZE; y += 1) {
      for (let x = 0; x < SIZE; x += 1) {
        const inBox = x <= 3 && y <= 2;
        expect(coverage[y * SIZE + x], `(${x}, ${y})`).toBe(inBox ? 1 : 0);
        expect(red(canvas, x, y), `(${x}, ${y})`).toBe(inBox ? 255 : 0);
      }
    }
  });

  it('accepts a box that spills past the far edges', () => {
    const coverage = paintShape(blackCanvas(), [6.5, 6.5, 20, 20], () => true, () => WHITE);
    expect(coverage[6 * SIZE + 6]).toBe(1);
    expect(coverage[7 * SIZE + 7]).toBe(1);
    expect(coverage[5 * SIZE + 5]).toBe(0);
  });
});
