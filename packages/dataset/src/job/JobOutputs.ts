import type { FaithfulnessMetric, RelevanceBaseline } from '@polycam/metrics';

/** What a job writes besides its map and its record. */
export interface JobOutputs {
  /** Whether to write the jet overlay PNG. */
  readonly overlay: boolean;
  /** The faithfulness measures to score the map with as soon as it exists; none when absent. */
  readonly metrics?: {
    /** The measures. */
    readonly metrics: readonly FaithfulnessMetric[];
    /** The curves' step count. */
    readonly steps: number;
    /** What removed pixels hold. */
    readonly baseline: RelevanceBaseline;
    /** Step images per forward run. */
    readonly batchSize: number;
  };
}
