/**
 * The target score of each channel's masked images; a variant that was not asked for is
 * undefined.
 */
export interface ChannelMaskScores {
  /** `s(X ⊙ M_k)` for each channel k. */
  readonly direct: Float32Array | undefined;
  /** `s(X ⊙ (1 − M_k))` for each channel k. */
  readonly complement: Float32Array | undefined;
}
