import type { BuiltModelOptions } from './BuiltModelOptions.js';

/**
 * The shape of a model built by {@link buildVggLikeModel}; `size` defaults to 224 and `classes` to 10.
 */
export interface VggLikeOptions extends BuiltModelOptions {
  /** Channels of each stage; one stage per entry. Default `[16, 32, 64, 128, 128]`. */
  readonly widths?: readonly number[];
  /** 3×3 convolutions (each followed by a ReLU) per stage. Default 2. */
  readonly convsPerStage?: number;
}
