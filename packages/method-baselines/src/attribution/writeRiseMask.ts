import { resizeBilinear } from '@polycam/core/kernels';

/**
 * Draws one RISE mask (Petsiuk et al., 2018, section 3.2): an s×s grid of cells kept with
 * probability p, upsampled bilinearly (half-pixel centres) to `(s + 1) · ⌈H/s⌉ × (s + 1) · ⌈W/s⌉`,
 * then cropped to H×W at a random offset in `[0, ⌈H/s⌉) × [0, ⌈W/s⌉)`. It takes `s² + 2` draws
 * from `random` (uniform in [0, 1)), in that order, and writes the mask into `target`.
 */
export function writeRiseMask(random: () => number, cells: number, probability: number, height: number, width: number, target: Float32Array): void {
  const grid = Float32Array.from({ length: cells * cells }, () => (random() < probability ? 1 : 0));
  const cellHeight = Math.ceil(height / cells);
  const cellWidth = Math.ceil(width / cells);
  const offsetY = Math.floor(random() * cellHeight);
  const offsetX = Math.floor(random() * cellWidth);
  const upHeight = (cells + 1) * cellHeight;
  const upWidth = (cells + 1) * cellWidth;
  const upsampled = resizeBilinear({ height: cells, width: cells, data: grid }, upHeight, upWidth).data;
  for (let y = 0; y < height; y += 1) {
    target.set(upsampled.subarray((y + offsetY) * upWidth + offsetX, (y + offsetY) * upWidth + offsetX + width), y * width);
  }
}
