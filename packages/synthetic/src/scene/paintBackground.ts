import { hsvToRgb } from '../render/hsvToRgb.js';
import type { Rgb, RgbCanvas } from '../render/RgbCanvas.js';

/**
 * Paints a muted background: a linear gradient between two low-saturation colours with a few
 * soft colour blotches on top.
 *
 * @param canvas - Where to paint.
 * @param random - The scene's random source.
 */
export function paintBackground(canvas: RgbCanvas, random: () => number): void {
  const muted = (): Rgb => hsvToRgb(random(), random() * 0.35, 0.25 + random() * 0.5);
  const [from, to] = [muted(), muted()];
  const angle = random() * 2 * Math.PI;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const size = canvas.size;
  const blotches = Array.from({ length: 3 }, () => ({
    x: random() * size,
    y: random() * size,
    spread: (0.12 + random() * 0.15) * size,
    colour: muted(),
    strength: 0.2 + random() * 0.3,
  }));
  const colour: [number, number, number] = [0, 0, 0];
  canvas.fill((x, y) => {
    const t = Math.min(Math.max(0.5 + ((x / size - 0.5) * dx + (y / size - 0.5) * dy), 0), 1);
    for (let channel = 0; channel < 3; channel += 1) colour[channel] = from[channel]! * (1 - t) + to[channel]! * t;
    for (const blotch of blotches) {
      const weight = blotch.strength * Math.exp(-((x - blotch.x) ** 2 + (y - blotch.y) ** 2) / (2 * blotch.spread ** 2));
      for (let channel = 0; channel < 3; channel += 1) {
        colour[channel] = colour[channel]! * (1 - weight) + blotch.colour[channel]! * weight;
      }
    }
    return colour;
  });
}
