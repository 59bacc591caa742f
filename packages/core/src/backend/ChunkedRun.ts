import type { Tensor } from '../tensor/Tensor.js';

/**
 * One batch to run in fixed-size chunks with {@link runInChunks}.
 */
export interface ChunkedRun {
  /** Items (images, masks) in the whole batch, at least 1. */
  readonly count: number;
  /** Items per chunk: the model's fixed batch size, or `count` to run the batch at once. */
  readonly chunk: number;
  /** Checked before every chunk. */
  readonly signal?: AbortSignal | undefined;
  /** Names the runtime in `backend-failure` messages, such as `onnxruntime`. */
  readonly runtime: string;
  /**
   * The batch's values, `count` items of `itemSize` values each. When given, every chunk
   * receives its items as one array of exactly `chunk` items, the last chunk padded with zeros.
   */
  readonly items?: {
    /** The values, item after item. */
    readonly data: Float32Array;
    /** Values per item, such as C·H·W for an image. */
    readonly itemSize: number;
  };
  /**
   * Runs one chunk.
   *
   * @param start - The chunk's first item.
   * @param used - How many of its items are real (`chunk`, or fewer in the last chunk).
   * @param padded - `chunk` items of `items` from `start`, zero-padded after `used`; a view of
   *   `items.data` when no padding is needed. Undefined when the plan has no `items`.
   * @returns Each fetched output by name, batch axis first (at least `used` rows; padding rows
   *   are dropped).
   */
  readonly runChunk: (
    start: number,
    used: number,
    padded: Float32Array | undefined,
  ) => Promise<Iterable<readonly [string, Tensor]>> | Iterable<readonly [string, Tensor]>;
}
