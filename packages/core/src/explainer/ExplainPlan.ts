import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import type { ExplainParts } from './ExplainParts.js';

/**
 * What one explanation will run, once its method is resolved: a preset's strategy and fusion
 * (`cam`: weigh each layer's channels, then fuse the layers), or a pixel-attribution method
 * (`attribution`: one map over the input's pixels).
 */
export type ExplainPlan =
  | {
      /** A class-activation map: weigh, sum and fuse layer by layer. */
      readonly kind: 'cam';
      /** The preset, strategy and fusion. */
      readonly parts: ExplainParts;
    }
  | {
      /** A pixel-attribution method. */
      readonly kind: 'attribution';
      /** The method. */
      readonly method: AttributionMethod;
    };
