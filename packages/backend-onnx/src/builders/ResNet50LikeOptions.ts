import type { BuiltModelOptions } from './BuiltModelOptions.js';

/**
 * The shape of a model built by {@link buildResNet50LikeModel}; `size` defaults to 224 and `classes` to 10.
 */
export interface ResNet50LikeOptions extends BuiltModelOptions {
  /** Channels of the stem convolution. Default 64. */
  readonly stemWidth?: number;
  /**
   * The inner (bottleneck) channels of each stage; one stage per entry. A stage's blocks write
   * `expansion` times as many channels. Default `[64, 128, 256, 512]`.
   */
  readonly widths?: readonly number[];
  /** How many more channels a block writes than its bottleneck holds. Default 4. */
  readonly expansion?: number;
  /** Bottleneck blocks per stage, one entry per stage. Default `[3, 4, 6, 3]` (ResNet-50's). */
  readonly blocksPerStage?: readonly number[];
}
