/** Options of {@link RiseMethod}; every field has the RISE paper's default. */
export interface RiseOptions {
  /** The number of random masks N. Default 4000. */
  readonly masks?: number;
  /** The side s of the random grid of cells. Default 7. */
  readonly cells?: number;
  /** The probability p that a cell is kept. Default 0.5. */
  readonly probability?: number;
  /** Seeds the masks: the same seed gives the same masks, whatever the batch size. Default 0. */
  readonly seed?: number;
}
