import type { Fusion } from '../fusion/Fusion.js';
import type { MethodPreset } from '../methods/MethodPreset.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';

/**
 * The plugins one explanation uses, once the request's ids are resolved.
 *
 * @internal
 */
export interface ExplainParts {
  readonly preset: MethodPreset;
  readonly strategy: WeightingStrategy;
  readonly fusion: Fusion;
}
