/**
 * Options of {@link FasterPolycamStrategy}.
 */
export interface FasterPolycamOptions {
  /**
   * How many channels of each layer to score: those with the largest activation variance. The
   * others weigh 0. Default {@link defaultKeep}.
   */
  readonly keep?: number;
}
