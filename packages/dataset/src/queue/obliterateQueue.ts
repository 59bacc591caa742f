import { Queue } from 'bullmq';
import { connectRedis } from './connectRedis.js';

/**
 * Removes a queue and every job in it from Redis, running ones included.
 *
 * @param url - The Redis URL.
 * @param name - The queue's name.
 * @returns When it is gone.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function obliterateQueue(url: string, name: string): Promise<void> {
  const connection = await connectRedis(url);
  const queue = new Queue(name, { connection });
  queue.on('error', () => {});
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
    await connection.quit();
  }
}
