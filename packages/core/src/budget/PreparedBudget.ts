import type { PassBudget } from './PassBudget.js';
import type { PassBudgetRule } from './PassBudgetRule.js';

/**
 * A request's checked pass budget: the cap and the rule that spends it below the exact count.
 */
export interface PreparedBudget {
  /** The request's `maxPasses`, checked. */
  readonly maxPasses: PassBudget;
  /** The rule that approximates when the cap is below the exact count. */
  readonly rule: PassBudgetRule;
}
