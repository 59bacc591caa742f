import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import type { PassBudgetRule } from '../budget/PassBudgetRule.js';
import type { Fusion } from '../fusion/Fusion.js';
import type { MethodPreset } from '../methods/MethodPreset.js';
import type { TargetPlugin } from '../target/TargetPlugin.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';

/**
 * The plugins an `Explainer` is built with. Each list is optional and empty by default.
 */
export interface ExplainerOptions {
  /** The weighting strategies; ids must be unique. */
  readonly strategies?: readonly WeightingStrategy[];
  /** The fusions; ids must be unique. */
  readonly fusions?: readonly Fusion[];
  /** The presets; ids and aliases must be unique. */
  readonly presets?: readonly MethodPreset[];
  /** The pixel-attribution methods; ids and aliases must be unique among presets and
   * attribution methods. */
  readonly attributions?: readonly AttributionMethod[];
  /** The rules that spend a pass budget below the exact count; ids must be unique. */
  readonly budgetRules?: readonly PassBudgetRule[];
  /**
   * Target kinds beyond the built-in ones (`class`, `segmentation`, `embedding`, `detection`),
   * which every explainer registers itself, first; ids must be unique, and differ from the
   * built-ins'.
   */
  readonly targets?: readonly TargetPlugin[];
}
