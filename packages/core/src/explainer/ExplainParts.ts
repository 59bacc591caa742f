import type { Fusion } from '../fusion/Fusion.js';
import type { MethodPreset } from '../methods/MethodPreset.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';

/**
 * The plugins one CAM explanation uses, once the request's ids are resolved.
 */
export interface ExplainParts {
  /** The preset the request named (or the default). */
  readonly preset: MethodPreset;
  /** The preset's weighting strategy, or the request's override. */
  readonly strategy: WeightingStrategy;
  /** The preset's fusion, or the request's override. */
  readonly fusion: Fusion;
}
