import type { DatasetJobData } from '../job/DatasetJobData.js';
import type { JobOutcome } from './JobOutcome.js';

/** Runs jobs of any configuration on one worker (see {@link createJobRunner}). */
export interface JobRunner {
  /**
   * Runs one job.
   *
   * @param data - The job.
   * @param signal - Cancels it.
   * @returns How it ended.
   */
  run(data: DatasetJobData, signal: AbortSignal): Promise<JobOutcome>;
  /**
   * Releases the open model.
   *
   * @returns When it is released.
   */
  close(): Promise<void>;
}
