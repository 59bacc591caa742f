/**
 * The options of the built-in `detection` target ({@link DetectionTargetPlugin}).
 */
export interface DetectionTargetOptions {
  /** The class `c` the matched box must have, an index among the K class scores of a row. */
  readonly classIndex: number;
  /** The reference box `(x1, y1, x2, y2)`, in the output's box coordinates, with `x1 < x2` and `y1 < y2`. */
  readonly box: readonly [number, number, number, number];
  /** The IoU the best-matching box must exceed to count, in [0, 1). Default 0.5. */
  readonly iouThreshold?: number;
}
