/**
 * The jet colormap (blue → cyan → yellow → red) at a value in [0, 1], as 8-bit RGB.
 *
 * @param value - A saliency value; clamped to [0, 1], NaN treated as 0.
 * @returns `[r, g, b]`, each 0–255.
 */
export function jetColor(value: number): [number, number, number] {
  const x = Number.isNaN(value) ? 0 : Math.min(Math.max(value, 0), 1);
  const channel = (centre: number): number => Math.round(255 * Math.min(Math.max(1.5 - Math.abs(4 * x - centre), 0), 1));
  return [channel(3), channel(2), channel(1)];
}
