/**
 * Which masked images to score for each channel: the image kept where the mask is high
 * (`direct`, `X ⊙ M`), the image kept where it is low (`complement`, `X ⊙ (1 − M)`), or both.
 */
export interface MaskVariants {
  /** Score `X ⊙ M` for every channel. */
  readonly direct: boolean;
  /** Score `X ⊙ (1 − M)` for every channel. */
  readonly complement: boolean;
}
