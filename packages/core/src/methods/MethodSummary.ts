import type { BackendCapability } from '../backend/BackendCapability.js';

/**
 * One registered method as users pick it (`--method NAME`) and as `polycam methods` lists it:
 * a {@link MethodPreset} (a weighting strategy with a fusion) or an {@link AttributionMethod}.
 */
export interface MethodSummary {
  /** The canonical id, such as `pcam±` or `rise`. */
  readonly id: string;
  /** Other accepted names. */
  readonly aliases: readonly string[];
  /** `preset` for a strategy and a fusion, `attribution` for a pixel-attribution method. */
  readonly kind: 'preset' | 'attribution';
  /** One line on what it is. */
  readonly description: string;
  /**
   * The backend capabilities it needs: the strategy's for a preset (empty when the preset's
   * strategy is not registered), the method's own otherwise.
   */
  readonly requires: readonly BackendCapability[];
}
