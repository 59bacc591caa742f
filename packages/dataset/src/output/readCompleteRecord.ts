import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { digestFile } from './digestFile.js';
import type { FileDigest } from './FileDigest.js';
import { jobFiles } from './jobFiles.js';
import type { JobRecord } from './JobRecord.js';

async function matches(folder: string, digest: FileDigest | undefined): Promise<boolean> {
  if (digest === undefined) return false;
  try {
    const bytes = await readFile(join(folder, digest.file));
    const actual = digestFile(digest.file, bytes);
    return actual.bytes === digest.bytes && actual.sha256 === digest.sha256;
  } catch {
    return false;
  }
}

/**
 * A job's record when the job is complete, or `undefined`: the record must exist, parse, carry
 * the job's key, and every file it names (the map, and the overlay when asked) must have the
 * size and hash it records; when metrics are asked, the record must hold them with the same
 * measures, steps and baseline. Since the record is written last and every file atomically, a
 * job interrupted at any point is incomplete, never half-done.
 *
 * @param data - The job.
 * @returns The record, or `undefined` when the job must run.
 */
export async function readCompleteRecord(data: DatasetJobData): Promise<JobRecord | undefined> {
  const files = jobFiles(data.out, data.job);
  let record: JobRecord;
  try {
    record = JSON.parse(await readFile(files.record, 'utf8')) as JobRecord;
  } catch {
    return undefined;
  }
  if (record.key !== data.job.key) return undefined;
  const folder = dirname(files.record);
  if (!(await matches(folder, record.map))) return undefined;
  if (data.outputs.overlay && !(await matches(folder, record.overlay))) return undefined;
  const wanted = data.outputs.metrics;
  if (wanted !== undefined) {
    const got = record.faithfulness;
    if (got === undefined || got.steps !== wanted.steps || got.baseline !== wanted.baseline) return undefined;
    if (!wanted.metrics.every((metric) => got.metrics.includes(metric))) return undefined;
  }
  return record;
}
