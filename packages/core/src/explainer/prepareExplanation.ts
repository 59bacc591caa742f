import type { PassBudgetRule } from '../budget/PassBudgetRule.js';
import { checkPassBudget } from '../budget/checkPassBudget.js';
import { PolycamError } from '../errors/PolycamError.js';
import { resolveLayers } from '../layers/resolveLayers.js';
import type { TargetPlugin } from '../target/TargetPlugin.js';
import { asSingleImage } from './asSingleImage.js';
import type { ExplainPlan } from './ExplainPlan.js';
import type { ExplainRequest } from './ExplainRequest.js';
import type { PreparedExplanation } from './PreparedExplanation.js';
import { prepareTarget } from './prepareTarget.js';

const DEFAULT_BATCH_SIZE = 32;

function checkBatchSize(batchSize: number): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new PolycamError('invalid-argument', `batch size must be a positive integer, got ${batchSize}`);
  }
  return batchSize;
}

function checkCapabilities(request: ExplainRequest, plan: ExplainPlan): void {
  const { backend } = request;
  const [requires, what] =
    plan.kind === 'cam'
      ? [plan.parts.strategy.requires, `weighting strategy '${plan.parts.strategy.id}'`]
      : [plan.method.requires, `method '${plan.method.id}'`];
  const missing = requires.filter((capability) => !backend.capabilities.has(capability));
  if (missing.length > 0) {
    throw new PolycamError(
      'unsupported-capability',
      `${what} requires ${missing.join(', ')}, which the '${backend.id}' backend does not provide`,
    );
  }
}

/**
 * Checks everything about a request that can fail before a forward pass, in this order: the
 * backend's capabilities against what the method requires, the input's shape, the batch size,
 * the pass budget, the layers (a CAM's only) and the target (its kind and its options, checked
 * against the model's output by the target's plugin).
 *
 * @internal
 * @param request - What to explain.
 * @param plan - The request's resolved method.
 * @param budgetRules - The registered pass-budget rules, by id.
 * @param targets - The registered target plugins, by id.
 * @throws {@link PolycamError} `unsupported-capability`, `invalid-argument`, `unknown-method` (a
 *   pass-budget rule or a target kind), `unknown-layer` or `class-out-of-range`.
 */
export function prepareExplanation(
  request: ExplainRequest,
  plan: ExplainPlan,
  budgetRules: ReadonlyMap<string, PassBudgetRule> = new Map(),
  targets: ReadonlyMap<string, TargetPlugin> = new Map(),
): PreparedExplanation {
  checkCapabilities(request, plan);
  const { description } = request.backend;
  const input = asSingleImage(request.input, description);
  const batchSize = checkBatchSize(request.batchSize ?? DEFAULT_BATCH_SIZE);
  const budget = checkPassBudget(request.maxPasses, request.budgetRule, plan, budgetRules);
  const layers = plan.kind === 'cam' ? resolveLayers(description, request.layers ?? plan.parts.preset.layers ?? 'auto') : [];
  const scoreFunction = request.scoreFunction ?? 'softmax';
  const { target, targetKind } = prepareTarget(request, description.output, scoreFunction, targets);
  return { request, plan, input, layers, batchSize, scoreFunction, target, targetKind, budget };
}
