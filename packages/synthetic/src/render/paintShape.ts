import type { Rgb, RgbCanvas } from './RgbCanvas.js';

/** Subsamples per pixel axis: 3×3 points estimate each pixel's coverage. */
const SUBSAMPLES = 3;

/**
 * Paints an anti-aliased shape: each pixel in the bounding box is covered by the share of its
 * 3×3 subsample points that fall inside the shape, and takes the mean colour of those points.
 *
 * @param canvas - Where to paint.
 * @param box - The pixel bounding box `[x0, y0, x1, y1]` (inclusive, clipped to the canvas).
 * @param inside - Whether an image point (pixel units, pixel centres at +0.5) is in the shape.
 * @param colourAt - The shape's colour at an image point inside it.
 * @returns The pixel coverage inside the box, row-major over the whole canvas (0 outside).
 */
export function paintShape(
  canvas: RgbCanvas,
  box: readonly [number, number, number, number],
  inside: (x: number, y: number) => boolean,
  colourAt: (x: number, y: number) => Rgb,
): Float32Array {
  const size = canvas.size;
  const coverage = new Float32Array(size * size);
  const [x0, y0, x1, y1] = [
    Math.max(0, Math.floor(box[0])),
    Math.max(0, Math.floor(box[1])),
    Math.min(size - 1, Math.ceil(box[2])),
    Math.min(size - 1, Math.ceil(box[3])),
  ];
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      let hits = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const px = x + (sx + 0.5) / SUBSAMPLES;
          const py = y + (sy + 0.5) / SUBSAMPLES;
          if (!inside(px, py)) continue;
          hits += 1;
          const colour = colourAt(px, py);
          sum[0]! += colour[0];
          sum[1]! += colour[1];
          sum[2]! += colour[2];
        }
      }
      if (hits === 0) continue;
      const alpha = hits / (SUBSAMPLES * SUBSAMPLES);
      canvas.blend(x, y, [sum[0]! / hits, sum[1]! / hits, sum[2]! / hits], alpha);
      coverage[y * size + x] = alpha;
    }
  }
  return coverage;
}
