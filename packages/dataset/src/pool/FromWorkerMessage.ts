import type { JobOutcome } from '../execute/JobOutcome.js';

/**
 * A message from a worker process to the pool: ready for work, a job's outcome, or a job handed
 * back unfinished because the worker was told to stop.
 */
export type FromWorkerMessage =
  | {
      /** The worker is ready for its first job. */
      readonly type: 'ready';
    }
  | {
      /** A job ended. */
      readonly type: 'outcome';
      /** How. */
      readonly outcome: JobOutcome;
    }
  | {
      /** A job was cancelled before its end; it must run again. */
      readonly type: 'handed-back';
      /** Its key. */
      readonly key: string;
    };
