import type { BenchmarkRow } from '../rows/BenchmarkRow.js';
import type { ProtocolOptions } from './ProtocolOptions.js';

/** Options of {@link runBenchmark}; progress counts images. */
export interface BenchmarkOptions extends ProtocolOptions {
  /** The rows to report (see `benchmarkRows`), each runnable on the backend (see `partitionBenchmarkRows`). */
  readonly rows: readonly BenchmarkRow[];
  /** Steps of the insertion and deletion curves. */
  readonly steps: number;
  /** Forward passes per batch for the curves. */
  readonly batchSize: number;
}
