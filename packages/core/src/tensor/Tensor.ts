/**
 * A dense float32 tensor in row-major order with an explicit shape. The core works in NCHW:
 * a batch of images is `[N, C, H, W]`, one layer's activation for one image is `[K, h, w]`.
 */
export interface Tensor {
  /** The size of each axis, outermost first. The product equals `data.length`. */
  readonly shape: readonly number[];
  /** The values, row-major. */
  readonly data: Float32Array;
}
