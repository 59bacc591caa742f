import type { BudgetProblem, LayerApproximation, PassBudgetRule } from '@polycam/core';
import { selectChannels } from '../selection/selectChannels.js';
import { topVarianceChannels } from '../selection/topVarianceChannels.js';
import { planLayers } from './planLayers.js';
import { splitProbesEvenly } from './splitProbesEvenly.js';

/**
 * The pass-budget rule `top-variance`: Faster Score-CAM's choice (tf-keras-vis), carried over to
 * every layer as Faster Poly-CAM does. Each layer gets the same share of the budget (capped at
 * what it needs, `splitProbesEvenly`), and scores that many of its channels, those whose
 * activation varies the most over the layer's positions; every other channel weighs 0.
 */
export class TopVarianceBudgetRule implements PassBudgetRule {
  public readonly id = 'top-variance';
  public readonly description = "each layer's channels of highest activation variance, scored alone; the others weigh 0";

  /**
   * @param problem - The layers' activations, the budget and the strategy's costs.
   * @returns Each layer's kept channels as probes.
   */
  public plan(problem: BudgetProblem): readonly LayerApproximation[] {
    const split = (surveys: readonly { distinct: readonly number[] }[], probes: number): number[] =>
      splitProbesEvenly(
        surveys.map((survey) => survey.distinct.length),
        probes,
      );
    return planLayers(problem, split, (survey, _layer, share) => {
      const { activation, distinct } = survey;
      const kept = topVarianceChannels(selectChannels(activation, Int32Array.from(distinct)), share);
      const groups = new Int32Array(distinct.length).fill(-1);
      kept.forEach((index, probe) => (groups[index] = probe));
      return { groups, count: kept.length, masses: new Float64Array(distinct.length).fill(1), unscoredWeight: 0 };
    });
  }
}
