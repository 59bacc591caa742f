/**
 * Percentiles with linear interpolation between the closest ranks, exactly as numpy's default
 * (`np.percentile(values, q)`, method `linear`): the value at fractional rank
 * `q / 100 · (n − 1)` of the sorted values.
 *
 * @param values - The sample; it is not modified. NaN values sort last, as in numpy.
 * @param quantiles - Percentages in [0, 100].
 * @returns One value per requested percentage, in the same order.
 * @throws RangeError when `values` is empty or a percentage is outside [0, 100].
 */
export function percentiles(values: Float32Array, quantiles: readonly number[]): number[] {
  if (values.length === 0) {
    throw new RangeError('percentiles of an empty sample are undefined');
  }
  const sorted = values.slice().sort();
  const last = sorted.length - 1;
  return quantiles.map((quantile) => {
    if (!(quantile >= 0 && quantile <= 100)) {
      throw new RangeError(`percentile ${quantile} is outside [0, 100]`);
    }
    const rank = (quantile / 100) * last;
    const lowerRank = Math.floor(rank);
    const upperRank = Math.min(lowerRank + 1, last);
    const fraction = rank - lowerRank;
    const lower = sorted[lowerRank]!;
    const upper = sorted[upperRank]!;
    const difference = upper - lower;
    // numpy's _lerp: interpolate from the nearer end for numerical symmetry.
    return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction;
  });
}
