/**
 * One insertion or deletion curve and its area.
 */
export interface RelevanceCurveResult {
  /** The class that was scored (the given one, or the model's argmax on the input); a target's class, if it has one. */
  readonly classIndex?: number;
  /** The area under the curve: the mean of the `n` step scores (there is no t = 0 point). */
  readonly auc: number;
  /** The score (the softmax probability of the class, or the target's score) after each step t = 1..n. */
  readonly scores: Float32Array;
}
