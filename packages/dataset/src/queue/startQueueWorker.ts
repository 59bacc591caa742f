import { UnrecoverableError, Worker } from 'bullmq';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { connectRedis } from './connectRedis.js';
import { queueFailureReason } from './queueFailureReason.js';
import type { QueueWorker } from './QueueWorker.js';
import type { QueueWorkerOptions } from './QueueWorkerOptions.js';

/**
 * Starts a BullMQ worker that runs dataset jobs from a queue on Redis, on any machine that sees
 * the jobs' input and output paths and the model. A job whose result is already complete (its
 * first worker died after writing it) is not run again. A transient failure is thrown as a plain
 * error, which BullMQ retries within the job's attempts; a permanent one as an
 * `UnrecoverableError`, which fails the job at once; both carry `[kind] reason`. A worker killed
 * mid-job loses nothing: its lock expires after `stallMs`, BullMQ's stalled-job check hands the
 * job to another worker (twice at most), and since results are written atomically, record last,
 * a half-written result never counts.
 *
 * @param options - The queue, the runner, the concurrency and the lock duration.
 * @returns The worker, running.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { url, name, runner, concurrency = 1, stallMs = 30_000 } = options;
  const connection = await connectRedis(url);
  const controllers = new Set<AbortController>();
  const worker = new Worker<DatasetJobData>(
    name,
    async (job) => {
      const controller = new AbortController();
      controllers.add(controller);
      try {
        const outcome = await runner.run(job.data, controller.signal);
        if (outcome.status === 'failed') {
          const reason = queueFailureReason(outcome.failure);
          throw outcome.failure.transient ? new Error(reason) : new UnrecoverableError(reason);
        }
        return outcome.status;
      } finally {
        controllers.delete(controller);
      }
    },
    { connection, concurrency, lockDuration: stallMs, stalledInterval: stallMs, maxStalledCount: 2 },
  );
  worker.on('error', () => {});
  let stopped: Promise<void> | undefined;
  return {
    stop(force = false) {
      if (force) for (const controller of controllers) controller.abort();
      stopped ??= (async () => {
        await worker.close(force);
        await runner.close();
        await connection.quit().catch(() => {});
      })();
      return stopped;
    },
  };
}
