/**
 * The options of the built-in `class` target ({@link ClassTargetPlugin}).
 */
export interface ClassTargetOptions {
  /** The class `c` to explain, an index into the output vector; the argmax of the unmasked output when absent. */
  readonly classIndex?: number;
}
