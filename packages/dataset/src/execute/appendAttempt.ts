import { appendFile, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { DatasetJobData } from '../job/DatasetJobData.js';

/**
 * Appends one line to `<out>/<configId>/attempts.jsonl` saying how a run of a job ended
 * (`done`, `complete` or `failed`), with the host, the process id and the time: a log of every
 * execution, from which a run's duplicates (a key `done` twice) and losses can be counted. One
 * short `O_APPEND` write per line, so concurrent workers never interleave within a line.
 *
 * @param data - The job.
 * @param outcome - How it ended.
 * @param reason - The failure's reason, for `failed`.
 * @returns When the line is written.
 */
export async function appendAttempt(data: DatasetJobData, outcome: 'done' | 'complete' | 'failed', reason?: string): Promise<void> {
  const folder = join(data.out, data.job.configId);
  await mkdir(folder, { recursive: true });
  const line = { key: data.job.key, outcome, host: hostname(), pid: process.pid, at: new Date().toISOString(), ...(reason === undefined ? {} : { reason }) };
  await appendFile(join(folder, 'attempts.jsonl'), `${JSON.stringify(line)}\n`);
}
