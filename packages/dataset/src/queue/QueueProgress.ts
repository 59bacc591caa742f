import type { JobFailure } from '../retry/JobFailure.js';

/** Where a set of queued jobs stands (see {@link waitForQueuedJobs}). */
export interface QueueProgress {
  /** Jobs completed. */
  readonly done: number;
  /** Jobs finally failed, with their failures, by queue id. */
  readonly failed: ReadonlyMap<string, JobFailure>;
  /** Jobs waiting, delayed (awaiting a retry) or running. */
  readonly outstanding: number;
}
