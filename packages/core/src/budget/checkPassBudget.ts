import { PolycamError } from '../errors/PolycamError.js';
import type { ExplainPlan } from '../explainer/ExplainPlan.js';
import type { PassBudget } from './PassBudget.js';
import type { PassBudgetRule } from './PassBudgetRule.js';
import type { PreparedBudget } from './PreparedBudget.js';

/** The rule a request gets when it names none. */
const DEFAULT_RULE = 'groups';

function describeBudget(maxPasses: PassBudget): string {
  return typeof maxPasses === 'number' ? String(maxPasses) : `${JSON.stringify(maxPasses)}`;
}

function checkValue(maxPasses: PassBudget): void {
  const valid =
    typeof maxPasses === 'number'
      ? Number.isInteger(maxPasses) && maxPasses >= 1
      : typeof maxPasses === 'object' && maxPasses !== null && typeof maxPasses.fraction === 'number' && maxPasses.fraction > 0 && maxPasses.fraction <= 1;
  if (!valid) {
    throw new PolycamError(
      'invalid-argument',
      `maxPasses must be a positive integer or a fraction in (0, 1] of the exact count, got ${describeBudget(maxPasses)}`,
    );
  }
}

/**
 * Checks a request's pass budget before any pass: a positive integer or a fraction in (0, 1],
 * a method that can honour it (a strategy that declares `passesFor`), and a registered rule.
 *
 * @internal
 * @param maxPasses - The request's cap, if any.
 * @param ruleId - The request's rule id, if any.
 * @param plan - The resolved method.
 * @param rules - The registered rules by id.
 * @returns The checked budget, or undefined when the request has none.
 * @throws {@link PolycamError} `invalid-argument` for a bad value or a method that takes no
 *   budget, `unknown-method` for an unregistered rule.
 */
export function checkPassBudget(
  maxPasses: PassBudget | undefined,
  ruleId: string | undefined,
  plan: ExplainPlan,
  rules: ReadonlyMap<string, PassBudgetRule>,
): PreparedBudget | undefined {
  if (maxPasses === undefined) {
    if (ruleId !== undefined) throw new PolycamError('invalid-argument', `budgetRule '${ruleId}' needs maxPasses`);
    return undefined;
  }
  checkValue(maxPasses);
  if (plan.kind === 'attribution') {
    throw new PolycamError(
      'invalid-argument',
      `method '${plan.method.id}' takes no pass budget: its passes are set by its own options (such as RISE's mask count or Occlusion's stride)`,
    );
  }
  const { strategy } = plan.parts;
  if (strategy.passesFor === undefined || strategy.granularity === 'element') {
    throw new PolycamError(
      'invalid-argument',
      `weighting strategy '${strategy.id}' takes no pass budget: it does not declare passesFor for channel weights (CIC, CDC and CVC do)`,
    );
  }
  const id = ruleId ?? DEFAULT_RULE;
  const rule = rules.get(id);
  if (rule === undefined) {
    const known = [...rules.keys()].join(', ');
    throw new PolycamError('unknown-method', `unknown pass-budget rule '${id}' (available: ${known || 'none registered'})`);
  }
  return { maxPasses, rule };
}
