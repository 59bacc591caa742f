import type { Rgb } from './RgbCanvas.js';

/**
 * Converts a colour from hue, saturation and value to RGB.
 *
 * @param hue - In [0, 1) (a full turn).
 * @param saturation - In [0, 1].
 * @param value - In [0, 1].
 * @returns The RGB colour, components in [0, 1].
 */
export function hsvToRgb(hue: number, saturation: number, value: number): Rgb {
  const sector = ((hue % 1) + 1) % 1 * 6;
  const index = Math.floor(sector);
  const fraction = sector - index;
  const p = value * (1 - saturation);
  const q = value * (1 - saturation * fraction);
  const t = value * (1 - saturation * (1 - fraction));
  const table: Rgb[] = [
    [value, t, p],
    [q, value, p],
    [p, value, t],
    [p, q, value],
    [t, p, value],
    [value, p, q],
  ];
  return table[index % 6]!;
}
