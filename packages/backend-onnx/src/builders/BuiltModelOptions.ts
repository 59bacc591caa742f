/**
 * What every ready-made model builder takes: the input size, the output size, the batch axis and
 * the weights' seed. Each builder's own options add its architecture and give the defaults of
 * `size` and `classes`.
 */
export interface BuiltModelOptions {
  /** Input height and width, in pixels. */
  readonly size?: number;
  /** Number of logits. */
  readonly classes?: number;
  /** `'batch'` for a dynamic batch axis, or a fixed batch size. Default `'batch'`. */
  readonly batch?: 'batch' | number;
  /** Seed of the random weights. Default 0. */
  readonly seed?: number;
}
