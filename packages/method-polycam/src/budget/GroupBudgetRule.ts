import type { BudgetProblem, LayerApproximation, PassBudgetRule } from '@polycam/core';
import { clustersFromMerges } from '../selection/clustersFromMerges.js';
import type { WardMerge } from '../selection/WardMerge.js';
import { wardMerges } from '../selection/wardMerges.js';
import { distinctMasks } from './distinctMasks.js';
import { maskEnergies } from './maskEnergies.js';
import { planLayers } from './planLayers.js';
import { splitProbesByInertia } from './splitProbesByInertia.js';

/**
 * The default pass-budget rule, `groups`: Group-CAM's idea, made to spend a budget. In each
 * layer, Ward's clustering groups the channels' masks `u(A^k)`, each channel weighing as much as
 * its activation energy `Σ A²`, so that the merged masks are the similar ones of weak channels
 * and the strong channels stay alone. The budget goes across the layers by the cost of their
 * merges relative to each layer's total inertia (`splitProbesByInertia`), and each layer is cut
 * into as many groups as its share pays for. A group of one is scored with its own mask, so its
 * weight is exact; a larger group with its members' energy-weighted mean mask, whose weight its
 * members share. Every channel gets a weight.
 */
export class GroupBudgetRule implements PassBudgetRule {
  public readonly id = 'groups';
  public readonly description =
    'Ward groups of similar channel masks (energy-weighted), split across layers by relative inertia; one probe per group, its mean mask, shared by its members';

  /**
   * @param problem - The layers' activations, the budget and the strategy's costs.
   * @returns Each layer's groups as probes.
   */
  public plan(problem: BudgetProblem): readonly LayerApproximation[] {
    let dendrograms: WardMerge[][] = [];
    let masses: Float64Array[] = [];
    return planLayers(
      problem,
      (surveys, probes) => {
        masses = surveys.map(maskEnergies);
        dendrograms = surveys.map((survey, layer) => wardMerges(distinctMasks(survey), survey.plan.height * survey.plan.width, masses[layer]!, 1));
        return splitProbesByInertia(
          surveys.map((survey) => survey.distinct.length),
          dendrograms,
          probes,
        );
      },
      (survey, layer, share) => {
        const count = survey.distinct.length;
        const groups = share === 0 ? new Int32Array(count).fill(-1) : clustersFromMerges(count, dendrograms[layer]!, share);
        return { groups, count: share, masses: masses[layer]!, unscoredWeight: 0 };
      },
    );
  }
}
