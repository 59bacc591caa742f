import { PolycamError } from '@polycam/core';
import { percentiles as percentilesOf } from '@polycam/core/kernels';
import { checkRoadPercentiles } from './checkRoadPercentiles.js';
import type { RoadOrder } from './RoadOrder.js';

/**
 * The pixels one ROAD perturbation removes, thresholded exactly as pytorch-grad-cam's
 * `RemoveMostRelevantFirst` and `RemoveLeastRelevantFirst` do:
 *
 * - most relevant first at percentile p: `t = percentile(S, p)` (numpy's linear
 *   interpolation); a pixel is kept when `S < t`, strictly, and removed when `S ≥ t`. So p is
 *   the share of pixels *kept*: p = 90 removes the top 10 %, and every pixel tied with the
 *   threshold goes too;
 * - least relevant first at p: the same on `1 − S` (rounded to float32, as torch computes it):
 *   `t = percentile(1 − S, p)`, removed when `1 − S ≥ t`, so p = 90 removes the bottom 10 % of S.
 *
 * A constant map removes every pixel at every percentile (nothing is below the threshold).
 *
 * @param saliency - The map at the image's size, `H·W` values (row-major).
 * @param percentile - p, in [0, 100].
 * @param order - Which end to remove.
 * @returns `H·W` flags, 1 for a removed pixel.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a
 *   percentile outside [0, 100] or an empty map.
 */
export function roadRemovalMask(saliency: Float32Array, percentile: number, order: RoadOrder): Uint8Array {
  checkRoadPercentiles([percentile]);
  if (saliency.length === 0) throw new PolycamError('invalid-argument', 'the saliency map is empty');
  const values = order === 'most-relevant-first' ? saliency : saliency.map((value) => 1 - value);
  const [threshold] = percentilesOf(values, [percentile]) as [number];
  return Uint8Array.from(values, (value) => (value < threshold ? 0 : 1));
}
