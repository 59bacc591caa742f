import type { DatasetJobData, JobConfig, JobOutputs } from '@polycam/dataset';

/** A dataset run, prepared and checked (see `prepareDatasetRun`). */
export interface DatasetRun {
  /** The output folder, absolute. */
  readonly out: string;
  /** The configuration every job shares. */
  readonly config: JobConfig;
  /** Its id: the results' folder under `out`. */
  readonly configId: string;
  /** What the jobs write besides maps and records. */
  readonly outputs: JobOutputs;
  /** Every job of the input, in its order. */
  readonly jobs: readonly DatasetJobData[];
  /** The jobs whose result is not complete yet. */
  readonly incomplete: readonly DatasetJobData[];
  /** Local worker processes. */
  readonly workers: number;
  /** Runtime threads per worker. */
  readonly threads: number;
  /** Runs of a job before a transient failure is final. */
  readonly maxAttempts: number;
}
