import { Queue } from 'bullmq';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { connectRedis } from './connectRedis.js';
import type { QueueCounts } from './QueueCounts.js';

/**
 * Counts a queue's jobs by state, and lists its most recent failed jobs with their reasons.
 *
 * @param url - The Redis URL.
 * @param name - The queue's name.
 * @param failedToList - How many failed jobs to list. Default 20.
 * @returns The counts and the failures.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function readQueueCounts(url: string, name: string, failedToList = 20): Promise<QueueCounts> {
  const connection = await connectRedis(url);
  const queue = new Queue<DatasetJobData>(name, { connection });
  queue.on('error', () => {});
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused', 'completed', 'failed');
    const failed = (await queue.getFailed(0, failedToList - 1)).map((job) => ({ image: job.data.job.relativePath, reason: job.failedReason }));
    return { counts, failed };
  } finally {
    await queue.close();
    await connection.quit();
  }
}
