import type { Map2D } from '../tensor/Map2D.js';

/**
 * The options of the built-in `segmentation` target ({@link SegmentationTargetPlugin}).
 */
export interface SegmentationTargetOptions {
  /** The class `c` whose score is summed, a channel of the `[C, H, W]` output (0 for a single-channel head). */
  readonly classIndex: number;
  /**
   * The region R of pixels summed over: a pixel is in it when its value is non-zero (and not
   * NaN). A map of another size than the output's H×W is resized nearest-neighbour, output pixel
   * `(y, x)` reading the map at `(⌊(y + ½)·h / H⌋, ⌊(x + ½)·w / W⌋)`. When absent: the pixels
   * the unmasked output predicts as `c` (see {@link SegmentationTargetPlugin}).
   */
  readonly region?: Map2D;
}
