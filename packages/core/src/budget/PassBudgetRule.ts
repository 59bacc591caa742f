import type { BudgetProblem } from './BudgetProblem.js';
import type { LayerApproximation } from './LayerApproximation.js';

/**
 * How to spend a pass budget (`ExplainRequest.maxPasses`) when it is below the exact count:
 * for each layer, which planes to score in place of its channels, and how their weights become
 * the channels' weights. The explainer calls it once per explanation, after the unmasked pass,
 * only when the budget is smaller than what the exact map would run; it refuses, as
 * `invalid-plugin`, a plan whose probes cost more than the budget, and stops an explanation
 * whose strategy runs more passes than its `passesFor` declared.
 *
 * Bind one under `TOKENS.PassBudgetRule`; a request picks it by id (`budgetRule`), the default
 * being `groups` from `@polycam/method-polycam`. A rule is stateless between calls.
 */
export interface PassBudgetRule {
  /** A unique id, such as `groups`. */
  readonly id: string;
  /** One line on how it spends the budget, for the docs and the result's report. */
  readonly description: string;
  /**
   * Plans every layer's approximation.
   *
   * @param problem - The layers' activations, the budget and the strategy's pass costs.
   * @returns One approximation per layer, in forward order; their probes must cost at most
   *   `problem.budget` passes in all.
   */
  plan(problem: BudgetProblem): readonly LayerApproximation[];
}
