import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import type { ExplainParts } from './ExplainParts.js';

/**
 * What one explanation will run, once its method is resolved: a preset's strategy and fusion,
 * or a pixel-attribution method.
 *
 * @internal
 */
export type ExplainPlan =
  | { readonly kind: 'cam'; readonly parts: ExplainParts }
  | { readonly kind: 'attribution'; readonly method: AttributionMethod };
