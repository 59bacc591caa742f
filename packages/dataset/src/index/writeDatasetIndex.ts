import { join, relative, sep } from 'node:path';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { jobFiles } from '../output/jobFiles.js';
import { readCompleteRecord } from '../output/readCompleteRecord.js';
import { writeFileAtomic } from '../output/writeFileAtomic.js';
import type { JobFailure } from '../retry/JobFailure.js';
import type { IndexEntry } from './IndexEntry.js';

/**
 * Writes a run's `index.jsonl` (one {@link IndexEntry} per job, in the jobs' order, from what is
 * on disk: a job is `done` only when its result is complete) and `failures.txt` (one line per
 * failed job, `<relative path>\t<kind>\t<reason>`, empty when none failed) into the output
 * folder, each atomically.
 *
 * @param out - The output folder.
 * @param jobs - The run's jobs.
 * @param failures - The failures of this run, by key.
 * @returns The entries written.
 */
export async function writeDatasetIndex(out: string, jobs: readonly DatasetJobData[], failures: ReadonlyMap<string, JobFailure>): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = [];
  const rel = (path: string): string => relative(out, path).split(sep).join('/');
  for (const data of jobs) {
    const { job } = data;
    const base = { key: job.key, image: job.relativePath, config: job.configId };
    const record = await readCompleteRecord(data);
    const failure = failures.get(job.key);
    if (record !== undefined) {
      const files = jobFiles(out, job);
      entries.push({ ...base, status: 'done', map: rel(files.map), record: rel(files.record), ...(record.overlay ? { overlay: rel(files.overlay) } : {}) });
    } else if (failure !== undefined) entries.push({ ...base, status: 'failed', kind: failure.kind, reason: failure.reason });
    else entries.push({ ...base, status: 'pending' });
  }
  await writeFileAtomic(join(out, 'index.jsonl'), entries.map((entry) => JSON.stringify(entry) + '\n').join(''));
  const failed = entries.filter((entry) => entry.status === 'failed');
  await writeFileAtomic(join(out, 'failures.txt'), failed.map((entry) => `${entry.image}\t${entry.kind}\t${entry.reason}\n`).join(''));
  return entries;
}
