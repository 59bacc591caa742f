import { fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { enqueueJobs, waitForQueuedJobs, type JobFailure } from '@polycam/dataset';
import type { CliIo } from '../CliIo.js';
import type { DatasetProgress } from '../progress/DatasetProgress.js';
import type { DatasetRun } from './DatasetRun.js';

const BIN = fileURLToPath(new URL('../../bin/polycam.js', import.meta.url));

/**
 * Runs a dataset through a BullMQ queue: enqueues the incomplete jobs, starts `run.workers`
 * local `polycam worker` processes (none with `--workers 0`: workers elsewhere do the work),
 * shows the progress from the queue's states, and waits until every job has completed or
 * finally failed, or until cancelled (the jobs then stay queued). The local workers are then
 * stopped with SIGTERM, finishing their jobs in hand.
 *
 * @param run - The run.
 * @param url - The Redis URL.
 * @param queue - The queue's name.
 * @param progress - The bar.
 * @param io - Streams and the cancellation signal.
 * @returns The failures by job key, and whether the wait was cancelled.
 * @throws {@link PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function runDatasetOnQueue(
  run: DatasetRun,
  url: string,
  queue: string,
  progress: DatasetProgress,
  io: CliIo,
): Promise<{ failures: ReadonlyMap<string, JobFailure>; cancelled: boolean }> {
  const ids = await enqueueJobs(url, queue, run.incomplete, run.maxAttempts);
  const keys = new Map(ids.map((id, index) => [id, run.incomplete[index]!.job.key]));
  const workers = Array.from({ length: run.workers }, () => {
    const child = fork(BIN, ['worker', '--redis', url, '--queue', queue, '--threads', String(run.threads)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (!line.startsWith('polycam: worker on queue')) io.stderr.write(`${line}\n`);
    });
    return { child, exited: new Promise<void>((resolve) => child.once('exit', () => resolve())) };
  });
  const already = run.jobs.length - run.incomplete.length;
  try {
    const last = await waitForQueuedJobs(url, queue, ids, {
      onProgress: ({ done, failed }) => progress.update(already + done, failed.size),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    const failures = new Map([...last.failed].map(([id, failure]) => [keys.get(id)!, failure]));
    return { failures, cancelled: last.outstanding > 0 };
  } finally {
    for (const { child } of workers) child.kill('SIGTERM');
    await Promise.all(workers.map(({ exited }) => exited));
  }
}
