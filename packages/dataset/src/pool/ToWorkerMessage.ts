import type { DatasetJobData } from '../job/DatasetJobData.js';

/** A message from the pool to a worker process: a job to run, or a request to stop. */
export type ToWorkerMessage = { readonly type: 'job'; readonly data: DatasetJobData } | { readonly type: 'stop' };
