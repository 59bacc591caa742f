/** Where one object goes. */
export interface Placement {
  readonly center: readonly [number, number];
  readonly radius: number;
  readonly rotation: number;
}

/**
 * Places one or two objects inside a square image: each keeps a margin from the border, and two
 * objects never overlap (their unit disks stay apart). Radii are 11–20% of the image side for
 * one object, 9–15% for two.
 *
 * @param count - 1 or 2.
 * @param size - The image's side in pixels.
 * @param random - The scene's random source.
 * @returns The placements.
 */
export function placeObjects(count: number, size: number, random: () => number): Placement[] {
  const [smallest, largest] = count === 1 ? [0.11, 0.2] : [0.09, 0.15];
  const margin = 2;
  const placements: Placement[] = [];
  while (placements.length < count) {
    const radius = (smallest + random() * (largest - smallest)) * size;
    const span = size - 2 * (radius + margin);
    const center = [radius + margin + random() * span, radius + margin + random() * span] as const;
    const rotation = random() * 2 * Math.PI;
    const clear = placements.every((other) => Math.hypot(other.center[0] - center[0], other.center[1] - center[1]) > other.radius + radius + 4);
    if (clear) placements.push({ center, radius, rotation });
  }
  return placements;
}
