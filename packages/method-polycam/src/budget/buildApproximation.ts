import type { LayerApproximation } from '@polycam/core';
import type { LayerSurvey } from './LayerSurvey.js';

/**
 * How a rule assigns one layer's distinct masks to probes.
 *
 * @internal
 */
export interface ProbeAssignment {
  /** For each distinct mask (in `survey.distinct` order), its probe, or −1 for none. */
  readonly groups: Int32Array;
  /** The number of probes (groups). */
  readonly count: number;
  /** Each distinct mask's mass, used to average a group's masks into its probe. */
  readonly masses: Float64Array;
  /** Whether one more probe, an all-zero plane, is scored for the layer's all-zero masks. */
  readonly zeroProbe: boolean;
  /** The weight of a channel with no probe. */
  readonly unscoredWeight: number;
}

/**
 * Builds a layer's approximation from a rule's assignment: a group of one distinct mask is
 * probed with its channel's own plane (its weight is exact, and shared with the channels of the
 * same mask), a larger group with its members' mass-weighted mean mask, which the strategy
 * normalises like any plane; the all-zero masks share an all-zero probe when the rule pays for
 * one (weight 0 otherwise). When nothing of the layer is scored, every channel weighs 1, so the
 * layer's CAM is its activation sum rather than nothing.
 *
 * @internal
 * @param survey - The layer's channels.
 * @param assignment - The rule's groups.
 * @returns The approximation.
 */
export function buildApproximation(survey: LayerSurvey, assignment: ProbeAssignment): LayerApproximation {
  const { activation, plan, distinct } = survey;
  const { groups, count, masses, zeroProbe } = assignment;
  const planeSize = plan.height * plan.width;
  const members: number[][] = Array.from({ length: count }, () => []);
  distinct.forEach((_, index) => {
    if (groups[index]! >= 0) members[groups[index]!]!.push(index);
  });
  const probes = new Float32Array((count + (zeroProbe ? 1 : 0)) * planeSize);
  members.forEach((group, probe) => {
    const target = probes.subarray(probe * planeSize, (probe + 1) * planeSize);
    if (group.length === 1) {
      const channel = distinct[group[0]!]!;
      target.set(activation.data.subarray(channel * planeSize, (channel + 1) * planeSize));
      return;
    }
    const total = group.reduce((sum, index) => sum + masses[index]!, 0);
    for (const index of group) {
      const channel = distinct[index]!;
      const share = masses[index]! / total;
      for (let pixel = 0; pixel < planeSize; pixel += 1) target[pixel]! += share * plan.masks[channel * planeSize + pixel]!;
    }
  });
  const slotOf = new Map(distinct.map((channel, index) => [channel, index]));
  const probeOf = (channel: number): number => {
    if (plan.kinds[channel] === 'zero') return zeroProbe ? count : -1;
    return groups[slotOf.get(plan.representative[channel]!)!]!;
  };
  const scoredAny = count > 0;
  const unscored = scoredAny ? assignment.unscoredWeight : 1;
  let exact = 0;
  let grouped = 0;
  for (let channel = 0; channel < plan.channels; channel += 1) {
    const probe = probeOf(channel);
    if (probe < 0) continue;
    if (probe === count || members[probe]!.length === 1) exact += 1;
    else grouped += 1;
  }
  return {
    probes: { shape: [count + (zeroProbe ? 1 : 0), plan.height, plan.width], data: probes },
    expand: (weights) =>
      Float32Array.from({ length: plan.channels }, (_, channel) => {
        const probe = probeOf(channel);
        return probe < 0 ? (plan.kinds[channel] === 'zero' ? 0 : unscored) : weights[probe]!;
      }),
    exact,
    grouped,
    unscored: plan.channels - exact - grouped,
  };
}
