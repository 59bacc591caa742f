/**
 * Pearson's correlation coefficient of two equally long series.
 *
 * @param a - The first series.
 * @param b - The second series, as long as the first.
 * @returns The correlation in [−1, 1]; 0 when either series is constant.
 * @throws Error when the lengths differ.
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`series of different lengths: ${a.length} and ${b.length}`);
  let meanA = 0;
  let meanB = 0;
  for (let index = 0; index < a.length; index += 1) {
    meanA += a[index]! / a.length;
    meanB += b[index]! / b.length;
  }
  let cross = 0;
  let spreadA = 0;
  let spreadB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const da = a[index]! - meanA;
    const db = b[index]! - meanB;
    cross += da * db;
    spreadA += da * da;
    spreadB += db * db;
  }
  return spreadA > 0 && spreadB > 0 ? cross / Math.sqrt(spreadA * spreadB) : 0;
}
