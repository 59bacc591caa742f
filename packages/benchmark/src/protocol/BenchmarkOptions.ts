import type { BenchmarkRow } from '../rows/BenchmarkRow.js';
import type { ProtocolOptions } from './ProtocolOptions.js';

/** Options of {@link runBenchmark}; progress counts images. */
export interface BenchmarkOptions extends ProtocolOptions {
  /** The rows to report (see `benchmarkRows`), each runnable on the backend (see `partitionBenchmarkRows`). */
  readonly rows: readonly BenchmarkRow[];
  /** Steps of the insertion and deletion curves. */
  readonly steps: number;
  /** Forward passes per batch for the curves (and for ROAD's perturbed images). */
  readonly batchSize: number;
  /**
   * ROAD's percentiles (see `road` of `@polycam/metrics`; pytorch-grad-cam's are 10, 20, …, 90),
   * with its default noise and seed 0; without it, ROAD is not measured.
   */
  readonly roadPercentiles?: readonly number[];
}
