/**
 * The weights of the guide's tiny model, as its `.tinycnn.json` files hold them: a 1×1
 * convolution from 3 to `channels` channels, and a linear layer from those channels' global
 * means to `classes` logits. Arrays are row-major.
 */
export interface TinyCnnWeights {
  /** The input side in pixels (the input is `[3, size, size]`; `size` must be even). */
  readonly size: number;
  /** The feature channels K. */
  readonly channels: number;
  /** The output classes. */
  readonly classes: number;
  /** `[channels, 3]` convolution weights. */
  readonly conv: readonly number[];
  /** `[classes, channels]` linear weights. */
  readonly linear: readonly number[];
}
