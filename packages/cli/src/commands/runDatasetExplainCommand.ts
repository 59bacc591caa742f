import { fileURLToPath } from 'node:url';
import { runLocalPool, type JobFailure } from '@polycam/dataset';
import type { CliIo } from '../CliIo.js';
import { finishDatasetRun } from '../dataset/finishDatasetRun.js';
import { prepareDatasetRun } from '../dataset/prepareDatasetRun.js';
import { createDatasetProgress } from '../progress/createDatasetProgress.js';
import type { DatasetExplainOptions } from './DatasetExplainOptions.js';

const LOCAL_WORKER = new URL('../../dist/dataset/localWorkerMain.js', import.meta.url);

/**
 * `polycam dataset explain INPUT --out DIR`: explains every image of a folder, list or manifest
 * with explain's options, in `--workers` local worker processes, one progress bar for the whole
 * dataset, and resumes: complete results are skipped. Ctrl-C stops the workers, whose jobs in
 * hand leave no file. It writes the index and the failures file at the end and exits non-zero
 * when a job failed.
 *
 * @param input - The folder, list or manifest.
 * @param options - The raw options.
 * @param io - Streams and the cancellation signal.
 * @returns When the run has ended.
 * @throws {@link PolycamError} for bad input, a configuration every job would fail on, a failed
 *   job, or a cancellation.
 */
export async function runDatasetExplainCommand(input: string, options: DatasetExplainOptions, io: CliIo): Promise<void> {
  const warn = (line: string): void => void io.stderr.write(`polycam: warning: ${line}\n`);
  const run = await prepareDatasetRun(input, options, warn);
  const already = run.jobs.length - run.incomplete.length;
  const progress = createDatasetProgress(io.stderr, run.jobs.length, already);
  let done = already;
  let failedCount = 0;
  let failures: ReadonlyMap<string, JobFailure> = new Map();
  let cancelled = false;
  try {
    const summary = await runLocalPool({
      jobs: run.incomplete,
      workers: run.workers,
      workerModule: fileURLToPath(LOCAL_WORKER),
      workerArgs: [String(run.threads)],
      maxAttempts: run.maxAttempts,
      ...(io.signal ? { signal: io.signal } : {}),
      onOutcome: (outcome) => {
        if (outcome.status === 'failed') failedCount += 1;
        else done += 1;
        progress.update(done, failedCount);
      },
      onWorkerLine: (line) => void io.stderr.write(`${line}\n`),
    });
    failures = summary.failed;
    cancelled = summary.cancelled;
  } finally {
    progress.stop();
  }
  await finishDatasetRun(run, failures, cancelled, io);
}
