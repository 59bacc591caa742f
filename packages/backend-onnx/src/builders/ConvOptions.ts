/**
 * The geometry and scope of one square convolution of an {@link OnnxGraphBuilder}.
 */
export interface ConvOptions {
  /** Kernel side. */
  readonly kernel: number;
  /** Stride on both axes. Default 1. */
  readonly stride?: number;
  /** Zero padding on each of the four sides. Default 0. */
  readonly pad?: number;
  /**
   * Multiplies the He-uniform bound of the weights, ±gain·sqrt(6 / fan_in). Default 1; below 1
   * for a residual branch, so that sums do not grow block after block.
   */
  readonly gain?: number;
  /**
   * The number of channel groups (ONNX's `group`): each group of `in / group` input channels
   * feeds its own `out / group` outputs. Default 1; the input's channel count for a depthwise
   * convolution (MobileNet, EfficientNet). Both channel counts must be multiples of it.
   */
  readonly group?: number;
  /** PyTorch-style scope, such as `/features/features.0`; it names the node and its weights. */
  readonly scope: string;
}
