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
  /** The input tensor's name. Default `input`. */
  readonly inputName?: string;
  /** The output tensor's name. Default `logits`. */
  readonly outputName?: string;
}
