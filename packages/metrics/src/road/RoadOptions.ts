import type { ScoreFunction } from '@polycam/core';
import type { ImageTargetOptions } from '../faithfulness/ImageTargetOptions.js';

/** Options of {@link road}. Every field is optional; the defaults are pytorch-grad-cam's. */
export interface RoadOptions extends ImageTargetOptions {
  /** The percentiles p to perturb at, each in [0, 100], at least one. Default {@link roadPercentiles}. */
  readonly percentiles?: readonly number[];
  /** The standard deviation of the imputation's noise, ≥ 0. Default 0.01. */
  readonly noise?: number;
  /** Seeds the noise, so that a seed fixes the scores. Default 0. */
  readonly seed?: number;
  /** The class `c` to score. Default: the model's argmax on the input. Not with `target`. */
  readonly classIndex?: number;
  /**
   * How the output becomes the score: `softmax` (the default, as the insertion and deletion
   * curves score; pytorch-grad-cam's `ClassifierOutputSoftmaxTarget`), `sigmoid`, or `identity`
   * (the raw logit, pytorch-grad-cam's `ClassifierOutputTarget`).
   */
  readonly scoreFunction?: ScoreFunction;
  /** Perturbed images per model run, a positive integer. Default 32. */
  readonly batchSize?: number;
  /** Cancels the work between batches (and inside the backend's runs). */
  readonly signal?: AbortSignal;
  /** Called after each batch with the images scored so far and their total, `1 + 2·P`. */
  readonly onProgress?: (done: number, total: number) => void;
}
