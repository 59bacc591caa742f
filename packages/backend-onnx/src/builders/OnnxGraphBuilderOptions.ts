import type { InputLayout } from '@polycam/core';

/**
 * How an {@link OnnxGraphBuilder} starts: its image input and where its random weights come from.
 */
export interface OnnxGraphBuilderOptions {
  /**
   * The image's shape, given channels first whatever `inputLayout` is. A batch of `'batch'` is a
   * symbolic (dynamic) axis named `batch`; a number fixes it.
   */
  readonly inputShape: readonly [batch: number | 'batch', channels: number, height: number, width: number];
  /** Seed of the weights' pseudo-random generator: the same seed and calls give the same bytes. */
  readonly seed: number;
  /**
   * How the graph's input is laid out. `NHWC` declares it `[batch, H, W, C]` and adds a
   * `Transpose` to NCHW as the first node, as models converted from TensorFlow do. Default `NCHW`.
   */
  readonly inputLayout?: InputLayout;
  /**
   * Declares the input's height and width as symbolic axes (`height`, `width`), as PyTorch
   * exports with `dynamic_axes` on them, and so the output's last two axes when it is spatial
   * (`out_height`, `out_width`). The graph is still built, and its weights sized, for the given
   * height and width. Default false.
   */
  readonly dynamicSize?: boolean;
  /** The input tensor's name. Default `input`. */
  readonly inputName?: string;
  /** The output tensor's name. Default `logits`. */
  readonly outputName?: string;
}
