/**
 * One insertion or deletion curve and its area.
 */
export interface RelevanceCurveResult {
  /** The class that was scored (the given one, or the model's argmax on the input). */
  readonly classIndex: number;
  /** The area under the curve: the mean of the `n` step scores (there is no t = 0 point). */
  readonly auc: number;
  /** The softmax probability of the class after each step t = 1..n. */
  readonly scores: Float32Array;
}
