import type { ScoreFunction } from './ScoreFunction.js';

/**
 * What is being explained: a scalar score computed from one image's output vector. The usual
 * one is a class probability ({@link classTarget}); any function of the output will do, for
 * multi-label or non-classification heads.
 */
export interface TargetFunction {
  /** The class whose score this is, when the target is a class. */
  readonly classIndex?: number;
  /** A short human-readable description, such as `softmax[3]`. */
  readonly label: string;
  /**
   * Computes the score.
   *
   * @param output - One image's output, flattened row-major over `ModelDescription.output.shape`
   *   (K values for a classifier).
   * @returns The scalar score.
   */
  score(output: Float32Array): number;
  /**
   * The derivative of the score with respect to each output entry, `∂s/∂z_k`, which gradient
   * methods chain through the model. Optional: {@link targetGradient} falls back to central
   * finite differences of {@link TargetFunction.score} when it is absent.
   *
   * @param output - One image's output, flattened row-major (`output.size` values).
   * @returns One derivative per output entry.
   */
  gradient?(output: Float32Array): Float32Array;
  /**
   * The same target under another score function: the same class, region or box, scored as
   * `identity` (raw logits), `sigmoid` or `softmax`. Gradient baselines that explain logits
   * (Grad-CAM's and Score-CAM's `logit` score) ask for `identity`; a target without a score
   * function (an embedding's cosine similarity, a box score) omits it and is used as it is.
   *
   * @param scoreFunction - The score function to use instead.
   * @returns The rescored target.
   */
  withScoreFunction?(scoreFunction: ScoreFunction): TargetFunction;
}
