import { Queue } from 'bullmq';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { connectRedis } from './connectRedis.js';
import { queueJobId } from './queueJobId.js';

/**
 * Puts jobs on a BullMQ queue, each under its {@link queueJobId}, with `maxAttempts` attempts
 * (retried after a transient failure with a backoff of one second, doubling) and kept in the
 * queue when done or failed, so that `dataset status` can count them. A job already waiting or
 * running stays as it is (another enqueuer's, or a resumed run's); one that already ended in the
 * queue but whose result is not complete on disk is replaced, so that it runs again.
 *
 * @param url - The Redis URL.
 * @param name - The queue's name.
 * @param jobs - The jobs (the incomplete ones).
 * @param maxAttempts - Runs of a job before a transient failure is final.
 * @returns The queue ids of the jobs, in their order.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function enqueueJobs(url: string, name: string, jobs: readonly DatasetJobData[], maxAttempts: number): Promise<string[]> {
  const connection = await connectRedis(url);
  const queue = new Queue<DatasetJobData>(name, { connection });
  queue.on('error', () => {});
  try {
    const ids = jobs.map((data) => queueJobId(data.job.key));
    for (const id of ids) {
      const existing = await queue.getJob(id);
      if (existing === undefined) continue;
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed') await existing.remove();
    }
    const chunk = 500;
    for (let start = 0; start < jobs.length; start += chunk) {
      await queue.addBulk(
        jobs.slice(start, start + chunk).map((data, index) => ({
          name: 'explain',
          data,
          opts: { jobId: ids[start + index]!, attempts: maxAttempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
        })),
      );
    }
    return ids;
  } finally {
    await queue.close();
    await connection.quit();
  }
}
