/**
 * How an {@link OnnxGraphBuilder} starts: its image input and where its random weights come from.
 */
export interface OnnxGraphBuilderOptions {
  /**
   * The input's NCHW shape. A batch of `'batch'` is a symbolic (dynamic) axis named `batch`; a
   * number fixes it.
   */
  readonly inputShape: readonly [batch: number | 'batch', channels: number, height: number, width: number];
  /** Seed of the weights' pseudo-random generator: the same seed and calls give the same bytes. */
  readonly seed: number;
  /** The input tensor's name. Default `input`. */
  readonly inputName?: string;
  /** The output tensor's name. Default `logits`. */
  readonly outputName?: string;
}
