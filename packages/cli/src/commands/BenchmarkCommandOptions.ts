/** The raw options of `polycam benchmark`. */
export interface BenchmarkCommandOptions {
  /** `--data DIR`: the benchmark's test split (generated there if absent). */
  readonly data: string;
  /** `--images N`: how many one-object test images to use. */
  readonly images: string;
  /** `--steps N`: steps of the insertion and deletion curves. */
  readonly steps: string;
  /** `--batch-size N`. */
  readonly batchSize: string;
  /** `--threads N`. */
  readonly threads?: string;
  /** `--methods default|all|KEY,...`: the rows to run (see `benchmarkRows` of `@polycam/benchmark`). */
  readonly methods?: string;
  /** `--backend onnx|tfjs`: which copy of the bundled model to run (ONNX by default). */
  readonly backend?: string;
  /** `--plot FILE.svg`: where to draw the mean curves. */
  readonly plot: string;
}
