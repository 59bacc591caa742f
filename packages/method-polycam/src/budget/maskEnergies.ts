import type { LayerSurvey } from './LayerSurvey.js';

/**
 * Each distinct mask's mass for clustering: the energy `Σ A²` of its channel's plane, times the
 * channels that share the mask; a channel's error in the CAM grows with its activation.
 *
 * @internal
 * @param survey - The layer's channels.
 * @returns One positive mass per distinct mask.
 */
export function maskEnergies(survey: LayerSurvey): Float64Array {
  const { activation, plan, distinct } = survey;
  const planeSize = plan.height * plan.width;
  const copies = new Map<number, number>();
  for (let channel = 0; channel < plan.channels; channel += 1) {
    const representative = plan.representative[channel]!;
    if (plan.kinds[channel] !== 'zero') copies.set(representative, (copies.get(representative) ?? 0) + 1);
  }
  return Float64Array.from(distinct, (channel) => {
    let energy = 0;
    for (let index = channel * planeSize; index < (channel + 1) * planeSize; index += 1) energy += activation.data[index]! ** 2;
    return Math.max(energy, 1e-12) * copies.get(channel)!;
  });
}
