/**
 * The shape of a model built by {@link buildTinyCnn}.
 */
export interface TinyCnnOptions {
  /** Input height and width. Default 32. */
  readonly size?: number;
  /** Number of logits. Default 4. */
  readonly classes?: number;
  /** `'batch'` for a dynamic batch axis, or a fixed batch size. Default `'batch'`. */
  readonly batch?: 'batch' | number;
  /** Seed of the random weights. Default 0. */
  readonly seed?: number;
}
