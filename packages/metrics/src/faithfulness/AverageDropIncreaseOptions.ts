import type { ImageTargetOptions } from './ImageTargetOptions.js';

/**
 * Options of {@link averageDropIncrease}.
 */
export interface AverageDropIncreaseOptions extends ImageTargetOptions {
  /** The class `c` whose softmax probability is scored. Default: the model's argmax on the input. Not with `target`. */
  readonly classIndex?: number;
  /** Cancels the model run. */
  readonly signal?: AbortSignal;
}
