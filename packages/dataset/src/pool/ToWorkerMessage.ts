import type { DatasetJobData } from '../job/DatasetJobData.js';

/** A message from the pool to a worker process: a job to run, or a request to stop. */
export type ToWorkerMessage =
  | {
      /** Run this job. */
      readonly type: 'job';
      /** The job. */
      readonly data: DatasetJobData;
    }
  | {
      /** Cancel the job in hand and exit. */
      readonly type: 'stop';
    };
