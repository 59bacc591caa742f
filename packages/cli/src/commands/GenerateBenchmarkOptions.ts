/** The raw options of `polycam generate-benchmark`. */
export interface GenerateBenchmarkOptions {
  /** `--out DIR`. */
  readonly out: string;
  /** `--seed N`. */
  readonly seed: string;
  /** `--size N`. */
  readonly size: string;
  /** `--classes N`. */
  readonly classes: string;
  /** `--train N`: single-object training images. */
  readonly train: string;
  /** `--validation N`: single-object validation images. */
  readonly validation: string;
  /** `--test N`: single-object test images. */
  readonly test: string;
  /** `--validation-pairs N`: two-object validation images. */
  readonly validationPairs: string;
  /** `--test-pairs N`: two-object test images. */
  readonly testPairs: string;
}
