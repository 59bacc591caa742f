import { ContainerModule } from 'inversify';
import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import type { PassBudgetRule } from '../budget/PassBudgetRule.js';
import { Explainer } from '../explainer/Explainer.js';
import type { Fusion } from '../fusion/Fusion.js';
import type { MethodPreset } from '../methods/MethodPreset.js';
import type { TargetPlugin } from '../target/TargetPlugin.js';
import { TOKENS } from '../tokens.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';

/**
 * Core's container module: binds the {@link Explainer}, built from every strategy, fusion,
 * preset, attribution method, pass-budget rule and target plugin that the other loaded modules
 * bind. The built-in target kinds need no binding: every {@link Explainer} registers them itself.
 */
export const coreModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Explainer).toResolvedValue(
    (
      strategies: WeightingStrategy[] | undefined,
      fusions: Fusion[] | undefined,
      presets: MethodPreset[] | undefined,
      attributions: AttributionMethod[] | undefined,
      budgetRules: PassBudgetRule[] | undefined,
      targets: TargetPlugin[] | undefined,
    ) => new Explainer({ strategies, fusions, presets, attributions, budgetRules, targets }),
    [
      { serviceIdentifier: TOKENS.WeightingStrategy, isMultiple: true, optional: true },
      { serviceIdentifier: TOKENS.Fusion, isMultiple: true, optional: true },
      { serviceIdentifier: TOKENS.MethodPreset, isMultiple: true, optional: true },
      { serviceIdentifier: TOKENS.AttributionMethod, isMultiple: true, optional: true },
      { serviceIdentifier: TOKENS.PassBudgetRule, isMultiple: true, optional: true },
      { serviceIdentifier: TOKENS.TargetPlugin, isMultiple: true, optional: true },
    ],
  );
});
