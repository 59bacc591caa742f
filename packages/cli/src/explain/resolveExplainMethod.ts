import type { Explainer } from '@polycam/core';
import type { ExplainCommandOptions } from '../commands/ExplainCommandOptions.js';
import { parseRegisteredId } from '../options/parseRegisteredId.js';

/**
 * The method part of an explain request from `--method`, `--fusion`, `--strategy` and
 * `--budget-rule`, with the
 * ids checked against the registered plugins (and a preset's parts resolved), so that a bad id
 * is refused before any model loads.
 *
 * @param explainer - The container's explainer.
 * @param options - The raw options.
 * @returns The method, its fusion and strategy overrides, and its pass-budget rule.
 * @throws {@link PolycamError} `unknown-method` or `invalid-argument` for an id nothing registers.
 */
export function resolveExplainMethod(
  explainer: Explainer,
  options: Pick<ExplainCommandOptions, 'method' | 'fusion' | 'strategy' | 'budgetRule'>,
): { readonly method: string; readonly fusion?: string; readonly strategy?: string; readonly budgetRule?: string } {
  const method = {
    method: options.method,
    ...(options.fusion ? { fusion: parseRegisteredId('--fusion <id>', options.fusion, explainer.fusions(), 'fusions') } : {}),
    ...(options.strategy ? { strategy: parseRegisteredId('--strategy <id>', options.strategy, explainer.strategies(), 'weighting strategies') } : {}),
    ...(options.budgetRule ? { budgetRule: parseRegisteredId('--budget-rule <id>', options.budgetRule, explainer.budgetRules(), 'pass-budget rules') } : {}),
  };
  if (explainer.method(options.method).kind === 'preset') explainer.resolve(method);
  return method;
}
