import { pearsonCorrelation } from './pearsonCorrelation.js';
import { rejectNaN } from './rejectNaN.js';

/** The rank of each value (1 for the smallest), ties sharing the average of their ranks. */
function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, index) => index);
  order.sort((i, j) => (values[i]! < values[j]! ? -1 : values[i]! > values[j]! ? 1 : 0));
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end += 1;
    const rank = (start + 1 + end) / 2; // the mean of ranks start + 1 .. end
    for (let position = start; position < end; position += 1) ranks[order[position]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of two equally long sequences: the Pearson correlation of their
 * ranks, tied values sharing the average of the ranks they span (as `scipy.stats.spearmanr`
 * does). It is 1 when one sequence grows exactly when the other does, −1 when it shrinks, and is
 * unchanged by any strictly increasing transform of either.
 *
 * When either sequence is constant (a single value included) there is no ordering to agree with
 * and the correlation is undefined; this function returns 0 then (SciPy returns NaN), so that a
 * randomised model whose map went flat counts as uncorrelated with the original.
 *
 * @param a - The first values, such as a saliency map's pixels.
 * @param b - The second values, as many.
 * @returns The correlation, in [−1, 1]; 0 when either sequence is constant.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the lengths differ, when the sequences are
 *   empty, or when a value is NaN.
 */
export function spearmanCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  rejectNaN(a, 'rank');
  rejectNaN(b, 'rank');
  return pearsonCorrelation(averageRanks(a), averageRanks(b)); // which refuses unequal or empty sequences
}
