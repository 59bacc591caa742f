import type { JobFailure } from '../retry/JobFailure.js';

/** How one run of a job ended. */
export type JobOutcome =
  | {
      /** `done`: it ran and wrote its result; `complete`: its result was already complete, so it did not run. */
      readonly status: 'done' | 'complete';
      /** The job's key. */
      readonly key: string;
    }
  | {
      /** It failed. */
      readonly status: 'failed';
      /** The job's key. */
      readonly key: string;
      /** Why. */
      readonly failure: JobFailure;
    };
