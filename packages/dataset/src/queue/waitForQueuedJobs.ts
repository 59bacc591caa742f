import { Queue } from 'bullmq';
import type { JobFailure } from '../retry/JobFailure.js';
import { connectRedis } from './connectRedis.js';
import { parseQueueFailure } from './parseQueueFailure.js';
import type { QueueProgress } from './QueueProgress.js';

/**
 * Waits until every one of the given queued jobs has completed or finally failed, asking the
 * queue for their states every `intervalMs` (the states are the queue's own record, so the count
 * is right whichever machine runs them and however often a worker died), and reports progress
 * after each look.
 *
 * @param url - The Redis URL.
 * @param name - The queue's name.
 * @param ids - The jobs' queue ids.
 * @param options - `onProgress`, `signal` (stops waiting; the jobs stay queued) and `intervalMs` (500).
 * @returns The last progress: nothing outstanding, unless the wait was cancelled.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function waitForQueuedJobs(
  url: string,
  name: string,
  ids: readonly string[],
  options: { readonly onProgress?: (progress: QueueProgress) => void; readonly signal?: AbortSignal; readonly intervalMs?: number } = {},
): Promise<QueueProgress> {
  const connection = await connectRedis(url);
  const queue = new Queue(name, { connection });
  queue.on('error', () => {});
  const outstanding = new Set(ids);
  const failed = new Map<string, JobFailure>();
  let done = 0;
  try {
    for (;;) {
      const states = await Promise.all([...outstanding].map(async (id) => [id, await queue.getJobState(id)] as const));
      for (const [id, state] of states) {
        if (state === 'completed') {
          done += 1;
          outstanding.delete(id);
        } else if (state === 'failed') {
          const job = await queue.getJob(id);
          failed.set(id, parseQueueFailure(job?.failedReason ?? 'failed'));
          outstanding.delete(id);
        }
      }
      const progress = { done, failed, outstanding: outstanding.size };
      options.onProgress?.(progress);
      if (outstanding.size === 0 || options.signal?.aborted) return progress;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, options.intervalMs ?? 500);
        options.signal?.addEventListener('abort', wake, { once: true });
      });
    }
  } finally {
    await queue.close();
    await connection.quit();
  }
}
