import type { ModelDescription } from '../backend/ModelDescription.js';
import type { ScoreFunction } from './ScoreFunction.js';

/**
 * What {@link TargetPlugin.bind} gets to build one image's {@link TargetFunction}, after the
 * unmasked pass.
 */
export interface TargetBindContext {
  /** The explained output: its name, its per-image shape and its size. */
  readonly output: ModelDescription['output'];
  /**
   * The output of the unmasked image, flattened row-major over `output.shape` (`output.size`
   * values). A target that depends on the prediction (the argmax class, the pixels predicted as
   * a class) reads it here; it must not modify it.
   */
  readonly unmasked: Float32Array;
  /** The request's score function (default `softmax`), for targets that apply one. */
  readonly scoreFunction: ScoreFunction;
}
