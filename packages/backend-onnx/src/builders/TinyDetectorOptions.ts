import type { BuiltModelOptions } from './BuiltModelOptions.js';

/**
 * The shape of a model built by {@link buildTinyDetector}; `size` defaults to 32 and `classes`
 * to 3.
 */
export interface TinyDetectorOptions extends BuiltModelOptions {
  /**
   * The fixed boxes `(x1, y1, x2, y2)` in input pixels, one output row each. A box pools the
   * 2×2-pixel feature cells whose centres lie inside it and must hold at least one. Default:
   * the four quadrants and a centred box of half the side.
   */
  readonly boxes?: readonly (readonly [number, number, number, number])[];
}
