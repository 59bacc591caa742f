import type { CliIo } from '../CliIo.js';
import { finishDatasetRun } from '../dataset/finishDatasetRun.js';
import { prepareDatasetRun } from '../dataset/prepareDatasetRun.js';
import { runDatasetLocally } from '../dataset/runDatasetLocally.js';
import { runDatasetOnQueue } from '../dataset/runDatasetOnQueue.js';
import { createDatasetProgress } from '../progress/createDatasetProgress.js';
import type { DatasetExplainOptions } from './DatasetExplainOptions.js';

/**
 * `polycam dataset explain INPUT --out DIR`: explains every image of a folder, list or manifest
 * with explain's options, in `--workers` local worker processes (or, with `--redis`, through a
 * BullMQ queue that workers on any machine serve), with one progress bar for the whole dataset,
 * and resumes: complete results are skipped. Ctrl-C stops the workers, whose jobs in hand leave
 * no file. It writes the index and the failures file at the end and exits non-zero when a job
 * failed.
 *
 * @param input - The folder, list or manifest.
 * @param options - The raw options.
 * @param io - Streams and the cancellation signal.
 * @returns When the run has ended.
 * @throws {@link PolycamError} for bad input, a configuration every job would fail on, a failed
 *   job, an unreachable Redis, or a cancellation.
 */
export async function runDatasetExplainCommand(input: string, options: DatasetExplainOptions, io: CliIo): Promise<void> {
  const run = await prepareDatasetRun(input, options, (line) => void io.stderr.write(`polycam: warning: ${line}\n`));
  const progress = createDatasetProgress(io.stderr, run.jobs.length, run.jobs.length - run.incomplete.length);
  let ended;
  try {
    ended = options.redis === undefined ? await runDatasetLocally(run, progress, io) : await runDatasetOnQueue(run, options.redis, options.queue, progress, io);
  } finally {
    progress.stop();
  }
  await finishDatasetRun(run, ended.failures, ended.cancelled, io);
}
