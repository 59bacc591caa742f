/**
 * numpy's default percentile (linear interpolation between the closest ranks), by a full sort,
 * written for the specs independently of the kernel.
 *
 * @param values - The sample.
 * @param p - The percentage, in [0, 100].
 * @returns The percentile.
 */
export function numpyPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}
