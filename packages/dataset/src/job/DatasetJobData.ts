import type { DatasetJob } from './DatasetJob.js';
import type { JobConfig } from './JobConfig.js';
import type { JobOutputs } from './JobOutputs.js';

/**
 * Everything a worker needs to run a job, as plain JSON: it travels over a worker process's IPC
 * channel or in a BullMQ job, so any worker that sees the same files can run it.
 */
export interface DatasetJobData {
  /** The job. */
  readonly job: DatasetJob;
  /** Its configuration. */
  readonly config: JobConfig;
  /** The output folder (absolute). */
  readonly out: string;
  /** What to write besides the map and the record. */
  readonly outputs: JobOutputs;
}
