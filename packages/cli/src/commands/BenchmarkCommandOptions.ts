import type { ModelCliOptions } from '../model/ModelCliOptions.js';

/** The raw options of `polycam benchmark`. */
export interface BenchmarkCommandOptions extends ModelCliOptions {
  /** `--data DIR`: the benchmark's test split (generated there if absent). */
  readonly data: string;
  /** `--images N`: how many one-object test images to use. */
  readonly images: string;
  /** `--steps N`: steps of the insertion and deletion curves. */
  readonly steps: string;
  /** `--road-percentiles P,P,...|none`: ROAD's percentiles, or `none` to leave ROAD out. */
  readonly roadPercentiles: string;
  /** `--batch-size N`. */
  readonly batchSize: string;
  /** `--methods default|all|KEY,...`: the rows to run (see `benchmarkRows` of `@polycam/benchmark`). */
  readonly methods?: string;
  /** `--plot FILE.svg`: where to draw the mean curves. */
  readonly plot: string;
}
