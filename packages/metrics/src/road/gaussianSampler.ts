/**
 * Standard normal draws from a uniform generator, by the Box–Muller transform: each pair of
 * uniform draws gives two independent normal values, handed out one at a time.
 *
 * @internal
 * @param random - Uniform numbers in [0, 1), such as `seededRandom(seed)`.
 * @returns A function returning one standard normal value per call.
 */
export function gaussianSampler(random: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random())); // 1 − u lies in (0, 1]
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
