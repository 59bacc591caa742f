/** One line of a curves plot. */
export interface PlotSeries {
  /** The legend's text. */
  readonly label: string;
  /** The y values at evenly spaced x from 1/n to 1. */
  readonly values: ArrayLike<number>;
}
