import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { removeStaleTemporaries, runLocalPool, type JobFailure } from '@polycam/dataset';
import type { CliIo } from '../CliIo.js';
import type { DatasetProgress } from '../progress/DatasetProgress.js';
import type { DatasetRun } from './DatasetRun.js';

// The compiled worker entry (under vitest too, where this file runs from src/).
const LOCAL_WORKER = fileURLToPath(new URL('../../dist/dataset/localWorkerMain.js', import.meta.url));

/**
 * Runs a dataset's incomplete jobs in `run.workers` local worker processes, each with
 * `run.threads` runtime threads, updating the bar as jobs end, after removing the temporary
 * files that a killed earlier run left.
 *
 * @param run - The run.
 * @param progress - The bar.
 * @param io - Streams (the workers' warnings go to standard error) and the cancellation signal.
 * @returns The failures by job key, and whether the run was cancelled.
 * @throws {@link PolycamError} for a configuration that every job would fail on.
 */
export async function runDatasetLocally(
  run: DatasetRun,
  progress: DatasetProgress,
  io: CliIo,
): Promise<{ failures: ReadonlyMap<string, JobFailure>; cancelled: boolean }> {
  // What a killed worker of an earlier run left half-written; no worker writes here yet.
  await removeStaleTemporaries(join(run.out, run.configId));
  let done = run.jobs.length - run.incomplete.length;
  let failed = 0;
  const summary = await runLocalPool({
    jobs: run.incomplete,
    workers: run.workers,
    workerModule: LOCAL_WORKER,
    workerArgs: [String(run.threads)],
    maxAttempts: run.maxAttempts,
    ...(io.signal ? { signal: io.signal } : {}),
    onOutcome: (outcome) => {
      if (outcome.status === 'failed') failed += 1;
      else done += 1;
      progress.update(done, failed);
    },
    onWorkerLine: (line) => void io.stderr.write(`${line}\n`),
  });
  return { failures: summary.failed, cancelled: summary.cancelled };
}
