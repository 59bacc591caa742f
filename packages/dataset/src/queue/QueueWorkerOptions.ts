import type { JobRunner } from '../execute/JobRunner.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** The Redis URL. */
  readonly url: string;
  /** The queue's name. */
  readonly name: string;
  /** Runs the jobs (see {@link createJobRunner}). */
  readonly runner: JobRunner;
  /** Jobs run at once in this process. Default 1. */
  readonly concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, in milliseconds: a worker that dies mid-job
   * (SIGKILL, a lost machine) has its job handed to another worker about this long after. The
   * lock is renewed every half of it while the job runs. Default 30 000.
   */
  readonly stallMs?: number;
}
