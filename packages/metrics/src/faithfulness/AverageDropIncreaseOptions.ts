/**
 * Options of {@link averageDropIncrease}.
 */
export interface AverageDropIncreaseOptions {
  /** The class `c` whose softmax probability is scored. Default: the model's argmax on the input. */
  readonly classIndex?: number;
  /** Cancels the model run. */
  readonly signal?: AbortSignal;
}
