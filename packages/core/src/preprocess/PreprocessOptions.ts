/**
 * How an image becomes a model input: resize, scale to [0, 1], then `(x − mean) / std` per
 * channel.
 */
export interface PreprocessOptions {
  /** The model's input height. */
  readonly height: number;
  /** The model's input width. */
  readonly width: number;
  /** Per-channel means, one per model input channel. Default: ImageNet's. */
  readonly mean?: readonly number[];
  /** Per-channel standard deviations, one per model input channel. Default: ImageNet's. */
  readonly std?: readonly number[];
  /**
   * Anti-alias when shrinking, as torchvision's `Resize` does on tensors (the default, true),
   * or plain bilinear sampling (false).
   */
  readonly antialias?: boolean;
}
