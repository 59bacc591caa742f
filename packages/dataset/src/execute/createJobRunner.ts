import { configId } from '../job/configId.js';
import type { JobConfig } from '../job/JobConfig.js';
import { describeFailure } from '../retry/describeFailure.js';
import type { JobContext } from './JobContext.js';
import { executeJob } from './executeJob.js';
import type { JobRunner } from './JobRunner.js';

interface OpenContext {
  readonly id: string;
  readonly context: Promise<JobContext>;
  active: number;
  readonly waiters: (() => void)[];
}

/**
 * A worker's job runner: it keeps one {@link JobContext} open, for the configuration of the
 * jobs it is given, shared by the jobs that run at once; a job of another configuration waits
 * until those have ended, then the context is disposed and the new one opened, so that one
 * long-lived worker serves any run without holding more than one model. A context that fails to
 * open fails the job with the reason.
 *
 * @param openContext - Opens the model and operations for a configuration.
 * @returns The runner; close it when the worker stops.
 */
export function createJobRunner(openContext: (config: JobConfig) => Promise<JobContext>): JobRunner {
  let current: OpenContext | undefined;
  const release = async (open: OpenContext): Promise<void> => {
    if (current === open) current = undefined;
    await open.context.then((context) => context.dispose()).catch(() => {});
  };
  return {
    async run(data, signal) {
      const id = configId(data.config);
      while (current !== undefined && current.id !== id) {
        const other = current;
        if (other.active > 0) await new Promise<void>((resolve) => other.waiters.push(resolve));
        else await release(other);
      }
      const open = (current ??= { id, context: openContext(data.config), active: 0, waiters: [] });
      open.active += 1;
      try {
        let context: JobContext;
        try {
          context = await open.context;
        } catch (error) {
          if (current === open) current = undefined;
          return { status: 'failed', key: data.job.key, failure: describeFailure(error) };
        }
        return await executeJob(context, data, signal);
      } finally {
        open.active -= 1;
        if (open.active === 0) for (const resolve of open.waiters.splice(0)) resolve();
      }
    },
    async close() {
      if (current !== undefined) await release(current);
    },
  };
}
