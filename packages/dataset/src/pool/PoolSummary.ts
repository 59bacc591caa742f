import type { JobFailure } from '../retry/JobFailure.js';

/** What {@link runLocalPool} did. */
export interface PoolSummary {
  /** The keys of the jobs that ran and wrote their result, or found it complete. */
  readonly done: readonly string[];
  /** The jobs that finally failed, by key. */
  readonly failed: ReadonlyMap<string, JobFailure>;
  /** Whether the pool was stopped before every job ended. */
  readonly cancelled: boolean;
  /** Runs of jobs in all, retries and runs cut short by a dying worker included. */
  readonly attempts: number;
}
