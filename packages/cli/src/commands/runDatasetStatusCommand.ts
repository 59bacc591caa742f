import { readQueueCounts } from '@polycam/dataset';
import type { CliIo } from '../CliIo.js';
import type { DatasetStatusOptions } from './DatasetStatusOptions.js';

/**
 * `polycam dataset status --redis URL`: prints the queue's job counts by state, and its most
 * recent failed jobs, each with its image and reason.
 *
 * @param options - The raw options.
 * @param io - Streams.
 * @returns When printed.
 * @throws {@link PolycamError} `queue-failure` when Redis cannot be reached.
 */
export async function runDatasetStatusCommand(options: DatasetStatusOptions, io: CliIo): Promise<void> {
  const { counts, failed } = await readQueueCounts(options.redis, options.queue);
  const lines = [`queue '${options.queue}' at ${options.redis}`];
  for (const state of ['waiting', 'active', 'delayed', 'prioritized', 'paused', 'completed', 'failed']) lines.push(`${state.padEnd(12)}${counts[state] ?? 0}`);
  if (failed.length > 0) {
    lines.push('', 'failed jobs (most recent first):');
    for (const job of failed) lines.push(`${job.image}\t${job.reason}`);
  }
  io.stdout.write(lines.join('\n') + '\n');
}
