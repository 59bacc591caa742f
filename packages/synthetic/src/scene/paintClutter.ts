import { paintShape } from '../render/paintShape.js';
import { hsvToRgb } from '../render/hsvToRgb.js';
import type { RgbCanvas } from '../render/RgbCanvas.js';

/**
 * Paints distractor clutter that is not a class object: thin line segments, and small blobs
 * whose radius (at most 4% of the image) stays well below the smallest class object's.
 *
 * @param canvas - Where to paint.
 * @param random - The scene's random source.
 */
export function paintClutter(canvas: RgbCanvas, random: () => number): void {
  const size = canvas.size;
  const lines = 3 + Math.floor(random() * 6);
  for (let line = 0; line < lines; line += 1) {
    const [x, y] = [random() * size, random() * size];
    const angle = random() * 2 * Math.PI;
    const length = (0.06 + random() * 0.25) * size;
    const [ex, ey] = [x + Math.cos(angle) * length, y + Math.sin(angle) * length];
    const half = 0.5 + random() * 0.6;
    const colour = hsvToRgb(random(), random(), 0.2 + random() * 0.8);
    const inside = (px: number, py: number): boolean => {
      const t = Math.min(Math.max(((px - x) * (ex - x) + (py - y) * (ey - y)) / (length * length), 0), 1);
      return Math.hypot(px - (x + t * (ex - x)), py - (y + t * (ey - y))) <= half;
    };
    paintShape(canvas, [Math.min(x, ex) - 2, Math.min(y, ey) - 2, Math.max(x, ex) + 2, Math.max(y, ey) + 2], inside, () => colour);
  }
  const blobs = 3 + Math.floor(random() * 6);
  for (let blob = 0; blob < blobs; blob += 1) {
    const [x, y] = [random() * size, random() * size];
    const radius = (0.012 + random() * 0.028) * size;
    const stretch = 0.6 + random() * 0.8;
    const colour = hsvToRgb(random(), random(), 0.2 + random() * 0.8);
    const inside = (px: number, py: number): boolean => ((px - x) / radius) ** 2 + ((py - y) / (radius * stretch)) ** 2 <= 1;
    paintShape(canvas, [x - radius - 1, y - 2 * radius - 1, x + radius + 1, y + 2 * radius + 1], inside, () => colour);
  }
}
