/**
 * The shape of a model built by {@link buildVggLikeModel}.
 */
export interface VggLikeOptions {
  /** Input height and width. Default 224. */
  readonly size?: number;
  /** Channels of each stage; one stage per entry. Default `[16, 32, 64, 128, 128]`. */
  readonly widths?: readonly number[];
  /** 3×3 convolutions (each followed by a ReLU) per stage. Default 2. */
  readonly convsPerStage?: number;
  /** Number of logits. Default 10. */
  readonly classes?: number;
  /** `'batch'` for a dynamic batch axis, or a fixed batch size. Default `'batch'`. */
  readonly batch?: 'batch' | number;
  /** Seed of the random weights. Default 0. */
  readonly seed?: number;
}
