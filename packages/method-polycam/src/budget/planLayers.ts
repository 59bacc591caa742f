import type { BudgetProblem, LayerApproximation } from '@polycam/core';
import { buildApproximation, type ProbeAssignment } from './buildApproximation.js';
import type { LayerSurvey } from './LayerSurvey.js';
import { surveyLayer } from './surveyLayer.js';

/**
 * The budget arithmetic the rules share: survey each layer, pay first for one all-zero probe in
 * each layer where a constant channel makes one matter (deepest first), then let the rule split
 * what is left, in probes of the strategy's cost, across the layers, and assign each layer's
 * masks to its share (a layer whose share covers its distinct masks is exact).
 *
 * @internal
 * @param problem - The explainer's budget problem.
 * @param split - The rule's split of the probes across the layers' surveys.
 * @param assign - The rule's choice for one layer, given its survey, its index and its share of
 *   probes (fewer than its distinct masks).
 * @returns The layers' approximations, in forward order.
 */
export function planLayers(
  problem: BudgetProblem,
  split: (surveys: readonly LayerSurvey[], probes: number) => number[],
  assign: (survey: LayerSurvey, layer: number, share: number) => Omit<ProbeAssignment, 'zeroProbe'>,
): LayerApproximation[] {
  const surveys = problem.activations.map(surveyLayer);
  const plane = (survey: LayerSurvey, channel: number | undefined) => {
    const { height, width } = survey.plan;
    const data = new Float32Array(height * width);
    if (channel !== undefined) data.set(survey.activation.data.subarray(channel * height * width, (channel + 1) * height * width));
    return { shape: [1, height, width], data };
  };
  const sample = surveys.find((survey) => survey.distinct.length > 0);
  const probeCost = sample === undefined ? 0 : problem.passesFor(plane(sample, sample.distinct[0]));
  let left = problem.budget;
  const zeroProbes = surveys.map(() => false);
  for (let layer = surveys.length - 1; layer >= 0; layer -= 1) {
    if (!surveys[layer]!.liveZero) continue;
    const cost = problem.passesFor(plane(surveys[layer]!, undefined));
    if (cost <= left) {
      zeroProbes[layer] = true;
      left -= cost;
    }
  }
  const probes = probeCost === 0 ? Infinity : Math.floor(left / probeCost);
  const shares = split(surveys, probes);
  return surveys.map((survey, layer) => {
    const zeroProbe = zeroProbes[layer]!;
    const share = shares[layer]!;
    if (share >= survey.distinct.length) {
      const groups = Int32Array.from(survey.distinct, (_, index) => index);
      return buildApproximation(survey, { groups, count: groups.length, masses: new Float64Array(groups.length).fill(1), zeroProbe, unscoredWeight: 0 });
    }
    return buildApproximation(survey, { ...assign(survey, layer, share), zeroProbe });
  });
}
