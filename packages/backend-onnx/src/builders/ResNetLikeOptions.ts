/**
 * The shape of a model built by {@link buildResNetLikeModel}.
 */
export interface ResNetLikeOptions {
  /** Input height and width. Default 224. */
  readonly size?: number;
  /** Channels of each stage; one stage per entry (the stem has the first). Default `[16, 32, 64, 128]`. */
  readonly widths?: readonly number[];
  /** Basic residual blocks per stage. Default 1. */
  readonly blocksPerStage?: number;
  /** Number of logits. Default 10. */
  readonly classes?: number;
  /** `'batch'` for a dynamic batch axis, or a fixed batch size. Default `'batch'`. */
  readonly batch?: 'batch' | number;
  /** Seed of the random weights. Default 0. */
  readonly seed?: number;
}
