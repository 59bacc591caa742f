import type { LayerSurvey } from './LayerSurvey.js';

/**
 * A layer's distinct non-zero masks `u(A^k)`, one after the other, as points for clustering.
 *
 * @internal
 * @param survey - The layer's channels.
 * @returns `distinct.length` masks of `h·w` values.
 */
export function distinctMasks(survey: LayerSurvey): Float32Array {
  const { plan, distinct } = survey;
  const planeSize = plan.height * plan.width;
  const points = new Float32Array(distinct.length * planeSize);
  distinct.forEach((channel, index) => points.set(plan.masks.subarray(channel * planeSize, (channel + 1) * planeSize), index * planeSize));
  return points;
}
