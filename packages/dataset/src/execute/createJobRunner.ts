import { configId } from '../job/configId.js';
import type { JobConfig } from '../job/JobConfig.js';
import { describeFailure } from '../retry/describeFailure.js';
import type { JobContext } from './JobContext.js';
import { executeJob } from './executeJob.js';
import type { JobRunner } from './JobRunner.js';

/**
 * A worker's job runner: it keeps one {@link JobContext} open, for the configuration of the
 * jobs it is given, and opens another (disposing the first) when a job of another configuration
 * comes, so that one long-lived worker serves any run without holding more than one model. A
 * context that fails to open fails the job with the reason.
 *
 * @param openContext - Opens the model and operations for a configuration.
 * @returns The runner; close it when the worker stops.
 */
export function createJobRunner(openContext: (config: JobConfig) => Promise<JobContext>): JobRunner {
  let open: { readonly id: string; readonly context: JobContext } | undefined;
  const close = async (): Promise<void> => {
    const current = open;
    open = undefined;
    await current?.context.dispose();
  };
  return {
    async run(data, signal) {
      const id = configId(data.config);
      if (open?.id !== id) {
        await close();
        try {
          open = { id, context: await openContext(data.config) };
        } catch (error) {
          return { status: 'failed', key: data.job.key, failure: describeFailure(error) };
        }
      }
      return executeJob(open.context, data, signal);
    },
    close,
  };
}
