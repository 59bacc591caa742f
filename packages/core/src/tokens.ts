import type { ServiceIdentifier } from 'inversify';
import type { BackendFactory } from './backend/BackendFactory.js';
import type { PassBudgetRule } from './budget/PassBudgetRule.js';
import type { TargetPlugin } from './target/TargetPlugin.js';
import type { AttributionMethod } from './attribution/AttributionMethod.js';
import type { Explainer } from './explainer/Explainer.js';
import type { Fusion } from './fusion/Fusion.js';
import type { MethodPreset } from './methods/MethodPreset.js';
import type { WeightingStrategy } from './weighting/WeightingStrategy.js';

/**
 * Every dependency-injection token of polycam, in one place. Strategies, fusions, presets,
 * attribution methods and backend factories are multi-bound: bind as many as you like, each
 * with a unique id. The tokens are `Symbol.for` keys, so duplicated copies of the package still agree.
 *
 * @example
 * ```ts
 * const myModule = new ContainerModule(({ bind }) => {
 *   bind(TOKENS.WeightingStrategy).toConstantValue(myStrategy);
 * });
 * ```
 */
export const TOKENS = {
  /** Multi-bound {@link WeightingStrategy} plugins, picked by id. */
  WeightingStrategy: Symbol.for('polycam.WeightingStrategy') as ServiceIdentifier<WeightingStrategy>,
  /** Multi-bound {@link Fusion} plugins, picked by id. */
  Fusion: Symbol.for('polycam.Fusion') as ServiceIdentifier<Fusion>,
  /** Multi-bound {@link MethodPreset}s, picked by id or alias. */
  MethodPreset: Symbol.for('polycam.MethodPreset') as ServiceIdentifier<MethodPreset>,
  /** Multi-bound {@link AttributionMethod}s (pixel-attribution methods such as RISE), picked by id or alias. */
  AttributionMethod: Symbol.for('polycam.AttributionMethod') as ServiceIdentifier<AttributionMethod>,
  /** Multi-bound {@link PassBudgetRule}s, which spend a pass budget; picked by id. */
  PassBudgetRule: Symbol.for('polycam.PassBudgetRule') as ServiceIdentifier<PassBudgetRule>,
  /** Multi-bound {@link TargetPlugin}s, the kinds of target a request can name; picked by id. */
  TargetPlugin: Symbol.for('polycam.TargetPlugin') as ServiceIdentifier<TargetPlugin>,
  /** Multi-bound {@link BackendFactory} plugins, one per runtime. */
  BackendFactory: Symbol.for('polycam.BackendFactory') as ServiceIdentifier<BackendFactory>,
  /** The {@link Explainer}, built from everything bound above. */
  Explainer: Symbol.for('polycam.Explainer') as ServiceIdentifier<Explainer>,
} as const;
