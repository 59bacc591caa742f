/**
 * Derives an image's seed from the dataset's seed and the image's place, so that each image
 * can be drawn on its own and the splits never share a scene.
 *
 * @param seed - The dataset's seed.
 * @param split - The split's index (0 train, 1 validation, 2 test).
 * @param kind - 0 for single-object images, 1 for pairs.
 * @param index - The image's index within its split and kind.
 * @returns A 32-bit seed.
 */
export function sceneSeed(seed: number, split: number, kind: number, index: number): number {
  let hash = 0x9e3779b9 ^ seed;
  for (const part of [split, kind, index]) {
    hash = Math.imul(hash ^ part, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}
