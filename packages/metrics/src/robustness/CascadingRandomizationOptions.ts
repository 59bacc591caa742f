/**
 * Options of {@link cascadingRandomization}.
 */
export interface CascadingRandomizationOptions {
  /**
   * Seeds the random weights. One seed serves every step, so a layer keeps the same random
   * weights from the step that randomises it onwards. Default 0.
   */
  readonly seed?: number;
  /** The most steps to take (layers to randomise), a non-negative integer. Default: all of them. */
  readonly layers?: number;
  /** Cancels the work between explanations; it is also passed to each explanation. */
  readonly signal?: AbortSignal;
}
