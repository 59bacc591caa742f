import type { ImageTargetOptions } from './ImageTargetOptions.js';
import type { RelevanceBaseline } from './RelevanceBaseline.js';

/**
 * Options of {@link insertion} and {@link deletion}. Every field is optional; the defaults are
 * the authors' protocol.
 */
export interface RelevanceCurveOptions extends ImageTargetOptions {
  /**
   * The number of steps `n`, a positive integer no larger than `H·W`. Each step switches
   * `⌈H·W / n⌉` more pixels (the last steps may switch fewer, or none once every pixel is
   * switched). Default 224.
   */
  readonly steps?: number;
  /** What the switched-out pixels hold. Default `'blur'`. */
  readonly baseline?: RelevanceBaseline;
  /**
   * How many step images go through the model in one run, a positive integer. Step images are
   * built one batch at a time, so memory holds at most this many images. Default 32.
   */
  readonly batchSize?: number;
  /** The class `c` whose softmax probability is scored. Default: the model's argmax on the input. Not with `target`. */
  readonly classIndex?: number;
  /** Cancels the work between batches (and inside the backend's runs). */
  readonly signal?: AbortSignal;
  /** Called after each batch with the number of steps scored so far and the total `n`. */
  readonly onProgress?: (done: number, total: number) => void;
}
