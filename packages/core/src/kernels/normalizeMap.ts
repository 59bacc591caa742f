import { percentiles } from './percentiles.js';

/** The smallest divisor that the authors' normalisation allows. */
const EPSILON = 1e-12;

/**
 * The authors' normalisation `u`, used for masks and for output maps:
 * `clamp((M − p0.1) / max(p99.9, 1e−12), 0, 1)`, where `p0.1` and `p99.9` are the 0.1th and
 * 99.9th percentiles of the map's values (numpy's linear interpolation).
 *
 * Note the divisor is the upper percentile, not the range: this reproduces the authors' code.
 * A constant map becomes all zero. NaN inputs become 0, so the output is always in [0, 1].
 *
 * @param values - The map's values (any layout; only the values matter).
 * @param outlierPercent - The percentage cut at each end; 0.1 as in the paper.
 * @returns A new array of the same length with values in [0, 1].
 */
export function normalizeMap(values: Float32Array, outlierPercent = 0.1): Float32Array {
  const [low, high] = percentiles(values, [outlierPercent, 100 - outlierPercent]) as [
    number,
    number,
  ];
  const lowerBound = Math.fround(low);
  const divisor = Math.max(Math.fround(high), EPSILON);
  const output = new Float32Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const scaled = Math.fround(values[index]! - lowerBound) / divisor;
    // `!(scaled > 0)` also maps NaN to 0.
    output[index] = !(scaled > 0) ? 0 : scaled > 1 ? 1 : scaled;
  }
  return output;
}
