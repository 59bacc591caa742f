import type { BuiltModelOptions } from './BuiltModelOptions.js';

/**
 * The shape of a model built by {@link buildResNetLikeModel}; `size` defaults to 224 and `classes` to 10.
 */
export interface ResNetLikeOptions extends BuiltModelOptions {
  /** Channels of each stage; one stage per entry (the stem has the first). Default `[16, 32, 64, 128]`. */
  readonly widths?: readonly number[];
  /** Basic residual blocks per stage. Default 1. */
  readonly blocksPerStage?: number;
}
