/**
 * A single-channel 2-D map stored row-major: a saliency map, a per-layer CAM or a mask.
 */
export interface Map2D {
  /** Number of rows. */
  readonly height: number;
  /** Number of columns. */
  readonly width: number;
  /** `height × width` values, row-major. */
  readonly data: Float32Array;
}
