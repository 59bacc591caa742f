import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom.js';
import { percentiles } from './percentiles.js';

const f32 = (values: readonly number[]): Float32Array => Float32Array.from(values);

// Expected values below come from numpy 2.4 (`np.percentile(a, q)`, default linear method),
// computed while writing these tests, or by hand from rank = q/100 · (n − 1).
describe('percentiles (numpy linear method)', () => {
  it('interpolates by hand on a small sample', () => {
    // n = 5: rank 0.4 → 10 + 0.4·10, rank 1 → 20, rank 3.6 → 40 + 0.6·10.
    const [p10, p25, p90] = percentiles(f32([10, 20, 30, 40, 50]), [10, 25, 90]);
    expect(p10).toBeCloseTo(14, 10);
    expect(p25).toBe(20);
    expect(p90).toBeCloseTo(46, 10);
  });

  it('gives the minimum at 0 and the maximum at 100', () => {
    expect(percentiles(f32([4, -2, 9, 0]), [0, 100])).toEqual([-2, 9]);
  });

  it('matches numpy on the sorted values 0..9', () => {
    // np.percentile(np.arange(10), [0.1, 25, 50, 99.9]) → 0.009, 2.25, 4.5, 8.991
    const result = percentiles(f32([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), [0.1, 25, 50, 99.9]);
    expect(result[0]).toBeCloseTo(0.009, 12);
    expect(result[1]).toBeCloseTo(2.25, 12);
    expect(result[2]).toBeCloseTo(4.5, 12);
    expect(result[3]).toBeCloseTo(8.991, 12);
  });

  it('matches numpy on unsorted values with duplicates', () => {
    // np.percentile([7,7,1,1,3,9,9,2], [0, 0.1, 25, 50, 99.9, 100]) → 1, 1, 1.75, 5, 9, 9
    const result = percentiles(f32([7, 7, 1, 1, 3, 9, 9, 2]), [0, 0.1, 25, 50, 99.9, 100]);
    expect(result[0]).toBe(1);
    expect(result[1]).toBe(1);
    expect(result[2]).toBeCloseTo(1.75, 12);
    expect(result[3]).toBeCloseTo(5, 12);
    expect(result[4]).toBe(9);
    expect(result[5]).toBe(9);
  });

  it('matches numpy for a sample of length 1', () => {
    expect(percentiles(f32([5]), [0, 0.1, 50, 99.9, 100])).toEqual([5, 5, 5, 5, 5]);
  });

  it('matches numpy for a sample of length 2 (unsorted)', () => {
    // np.percentile([2, 1], [0.1, 25, 50, 99.9]) → 1.001, 1.25, 1.5, 1.999
    const result = percentiles(f32([2, 1]), [0.1, 25, 50, 99.9]);
    expect(result[0]).toBeCloseTo(1.001, 12);
    expect(result[1]).toBeCloseTo(1.25, 12);
    expect(result[2]).toBeCloseTo(1.5, 12);
    expect(result[3]).toBeCloseTo(1.999, 12);
  });

  it('matches numpy on non-integer values', () => {
    // np.percentile(np.float32([0.3,-1.7,2.25,0.3,100.5,-4,8.125]), [0.1, 25, 50, 99.9])
    //   → -3.98620, -0.7, 0.3, 99.94575 (to float32 precision)
    const result = percentiles(f32([0.3, -1.7, 2.25, 0.3, 100.5, -4, 8.125]), [0.1, 25, 50, 99.9]);
    expect(result[0]).toBeCloseTo(-3.9862, 5);
    expect(result[1]).toBeCloseTo(-0.7, 6);
    expect(result[2]).toBe(Math.fround(0.3));
    expect(result[3]).toBeCloseTo(99.94575, 4);
  });

  it('sorts numerically, not as text', () => {
    // As strings, 10 < 9 < 100 would sort wrongly.
    expect(percentiles(f32([100, 9, 10, -20, 3]), [0, 25, 50, 75, 100])).toEqual([-20, 3, 9, 10, 100]);
  });

  it('returns the percentages in the order asked and leaves the input untouched', () => {
    const values = f32([3, 1, 2]);
    expect(percentiles(values, [100, 0, 50])).toEqual([3, 1, 2]);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });

  it('rejects an empty sample', () => {
    expect(() => percentiles(new Float32Array(0), [50])).toThrow(RangeError);
  });

  it('rejects percentages outside [0, 100]', () => {
    const values = f32([1, 2, 3]);
    expect(() => percentiles(values, [-0.1])).toThrow(RangeError);
    expect(() => percentiles(values, [100.01])).toThrow(RangeError);
    expect(() => percentiles(values, [Number.NaN])).toThrow(RangeError);
    expect(() => percentiles(values, [50, 101])).toThrow(RangeError);
  });

  it('gives exactly what sorting the whole sample gives, at the ends and in the middle', () => {
    // The definition, by brute force: sort (NaN last, −0 before +0) and interpolate between
    // the two closest ranks, numpy's way.
    const bySorting = (values: Float32Array, quantile: number): number => {
      const sorted = values.slice().sort();
      const rank = (quantile / 100) * (sorted.length - 1);
      const lower = sorted[Math.floor(rank)]!;
      const upper = sorted[Math.min(Math.floor(rank) + 1, sorted.length - 1)]!;
      const fraction = rank - Math.floor(rank);
      return fraction >= 0.5 ? upper - (upper - lower) * (1 - fraction) : lower + (upper - lower) * fraction;
    };
    const random = seededRandom(13);
    const specials = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1, -1];
    for (const size of [1, 2, 3, 7, 49, 196, 1000, 3136, 12544]) {
      for (const kind of ['uniform', 'ties', 'specials', 'ascending', 'descending']) {
        const values = Float32Array.from({ length: size }, (_, index) =>
          kind === 'uniform' ? random() * 6 - 3
          : kind === 'ties' ? Math.floor(random() * 4) - 1
          : kind === 'specials' ? (random() < 0.2 ? specials[Math.floor(random() * specials.length)]! : random() - 0.5)
          : kind === 'ascending' ? index : -index,
        );
        const copy = values.slice();
        // Asked alone, as normalizeMap asks (both ends), and all together.
        const all = [0, 0.1, 1, 25, 50, 99, 99.9, 100];
        for (const quantiles of [...all.map((quantile) => [quantile]), [0.1, 99.9], all]) {
          const got = percentiles(values, quantiles);
          quantiles.forEach((quantile, index) => {
            expect(Object.is(got[index], bySorting(values, quantile)), `${kind} n=${size} q=${quantile}`).toBe(true);
          });
        }
        expect(values).toEqual(copy);
      }
    }
  });
});
