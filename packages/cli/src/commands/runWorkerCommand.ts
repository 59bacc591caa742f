import { availableParallelism } from 'node:os';
import { createJobRunner, startQueueWorker } from '@polycam/dataset';
import type { CliIo } from '../CliIo.js';
import { openJobContext } from '../dataset/openJobContext.js';
import { capThreads } from '../options/capThreads.js';
import { parseInteger } from '../options/parseInteger.js';
import type { WorkerCommandOptions } from './WorkerCommandOptions.js';

/**
 * `polycam worker --redis URL`: runs dataset jobs from the queue until stopped, on any machine
 * that sees the jobs' files and model. Each job carries its configuration (method, explain's
 * options, model), so one worker serves any run. SIGTERM or Ctrl-C lets the jobs in hand finish,
 * then exits 0; a second Ctrl-C ends it at once, and its jobs go to another worker once their
 * locks expire. A worker started by `dataset explain --workers N` also stops when that command's
 * process goes away.
 *
 * @param options - The raw options.
 * @param io - Streams and the cancellation signal.
 * @returns When the worker has stopped.
 * @throws {@link PolycamError} `queue-failure` when Redis cannot be reached, `invalid-argument` for a bad value.
 */
export async function runWorkerCommand(options: WorkerCommandOptions, io: CliIo): Promise<void> {
  const concurrency = parseInteger('--concurrency', options.concurrency, 1);
  const warn = (line: string): void => void io.stderr.write(`polycam: warning: ${line}\n`);
  const threads = options.threads === undefined ? Math.max(1, Math.floor(availableParallelism() / concurrency)) : capThreads(parseInteger('--threads', options.threads, 1), warn);
  const stallMs = parseInteger('--stall-ms', options.stallMs, 100);
  const runner = createJobRunner((config) => openJobContext(config, threads, warn));
  const worker = await startQueueWorker({ url: options.redis, name: options.queue, runner, concurrency, stallMs });
  io.stderr.write(`polycam: worker on queue '${options.queue}' at ${options.redis}, ${concurrency} job${concurrency === 1 ? '' : 's'} at a time with ${threads} thread${threads === 1 ? '' : 's'} each; SIGTERM or Ctrl-C stops it after the jobs in hand\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('disconnect', stop);
      void worker.stop().then(resolve);
    };
    process.once('SIGTERM', stop);
    if (io.signal?.aborted) stop();
    io.signal?.addEventListener('abort', stop, { once: true });
    if (process.connected) process.once('disconnect', stop);
  });
  // A worker forked by `dataset explain` would otherwise stay alive for its IPC channel.
  if (process.connected) process.disconnect();
}
