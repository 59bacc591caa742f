/**
 * The geometry and scope of one square max pooling of an {@link OnnxGraphBuilder}.
 */
export interface MaxPoolOptions {
  /** Window side. */
  readonly kernel: number;
  /** Stride on both axes. */
  readonly stride: number;
  /** Padding on each of the four sides (padded cells never win). Default 0. */
  readonly pad?: number;
  /** PyTorch-style scope, such as `/features/features.4`; it names the node. */
  readonly scope: string;
}
