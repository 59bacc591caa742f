import { PolycamError } from '@polycam/core';
import { rejectNaN } from './rejectNaN.js';

/**
 * Pearson's correlation coefficient of two equally long sequences: their covariance over the
 * product of their standard deviations, computed in float64. It is how closely two saliency maps
 * agree pixel for pixel, such as the same method's maps from two runtimes.
 *
 * When either sequence is constant the correlation is undefined; this function returns 0 then,
 * as {@link spearmanCorrelation} does.
 *
 * @param a - The first values, such as a saliency map's pixels.
 * @param b - The second values, as many.
 * @returns The correlation, in [−1, 1]; 0 when either sequence is constant.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the lengths differ, when the sequences are
 *   empty, or when a value is NaN.
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new PolycamError('invalid-argument', `cannot correlate ${a.length} values with ${b.length}`);
  }
  if (a.length === 0) {
    throw new PolycamError('invalid-argument', 'cannot correlate empty sequences');
  }
  rejectNaN(a, 'correlate');
  rejectNaN(b, 'correlate');
  let sumA = 0;
  let sumB = 0;
  for (let index = 0; index < a.length; index += 1) {
    sumA += a[index]!;
    sumB += b[index]!;
  }
  const [meanA, meanB] = [sumA / a.length, sumB / b.length];
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const [da, db] = [a[index]! - meanA, b[index]! - meanB];
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  }
  if (varianceA === 0 || varianceB === 0) return 0;
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceA * varianceB)));
}
