import type { InputLayout } from '@polycam/core';
import type { OnnxGraphBuilderOptions } from './OnnxGraphBuilderOptions.js';

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
  /**
   * The input's layout: `NHWC` takes `[batch, size, size, 3]` and transposes it first (see
   * {@link OnnxGraphBuilderOptions.inputLayout}); the weights are the same. Default `NCHW`.
   */
  readonly inputLayout?: InputLayout;
  /** Seed of the random weights. Default 0. */
  readonly seed?: number;
}
