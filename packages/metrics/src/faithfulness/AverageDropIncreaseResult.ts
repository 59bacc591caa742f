/**
 * The Grad-CAM++ confidence measures of one image. Averaged over a data set, `drop` gives the
 * Average Drop and the share of `increase` gives the Increase in Confidence.
 */
export interface AverageDropIncreaseResult {
  /** The class that was scored (the given one, or the model's argmax on the input); a target's class, if it has one. */
  readonly classIndex?: number;
  /** `Y = s(X)`, the softmax probability of the class on the input. */
  readonly baseScore: number;
  /** `O = s(X ⊙ M)`, on the input masked by the min-max normalised map. */
  readonly maskedScore: number;
  /** `max(0, Y − O) / Y`, in [0, 1] (0 when Y is 0). */
  readonly drop: number;
  /** True when `O > Y`. */
  readonly increase: boolean;
}
