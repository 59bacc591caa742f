import type { InputLayout } from '@polycam/core';
import type { OnnxGraphBuilderOptions } from './OnnxGraphBuilderOptions.js';
import type { BuiltModelOptions } from './BuiltModelOptions.js';

/**
 * The shape of a model built by {@link buildTinyCnn}; `size` defaults to 32 and `classes` to 4.
 */
export interface TinyCnnOptions extends BuiltModelOptions {
  /**
   * The input's layout: `NHWC` takes `[batch, size, size, 3]` and transposes it first (see
   * {@link OnnxGraphBuilderOptions.inputLayout}); the weights are the same. Default `NCHW`.
   */
  readonly inputLayout?: InputLayout;
}
