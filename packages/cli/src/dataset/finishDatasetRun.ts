import { basename, extname, join } from 'node:path';
import { PolycamError, type PolycamErrorKind } from '@polycam/core';
import { datasetFaithfulnessReport, methodFilePart, readCompleteRecord, writeDatasetIndex, writeFileAtomic, type JobFailure, type JobRecord } from '@polycam/dataset';
import { faithfulnessCsvFiles } from '@polycam/metrics';
import type { CliIo } from '../CliIo.js';
import type { DatasetRun } from './DatasetRun.js';

/**
 * Ends a dataset run: writes `index.jsonl` and `failures.txt`, and with `--metrics` the paper's
 * CSV files for the whole dataset (`polycam evaluate`'s format, `<model>-<method>` in their
 * names), prints the summary, and fails when a job failed or the run was cancelled.
 *
 * @param run - The run.
 * @param failures - The jobs that finally failed, by key.
 * @param cancelled - Whether the run was stopped before the end.
 * @param io - Where to print.
 * @returns When everything is written.
 * @throws {@link PolycamError} `aborted` when cancelled; the first failure's kind when a job failed.
 */
export async function finishDatasetRun(run: DatasetRun, failures: ReadonlyMap<string, JobFailure>, cancelled: boolean, io: CliIo): Promise<void> {
  const entries = await writeDatasetIndex(run.out, run.jobs, failures);
  const done = entries.filter((entry) => entry.status === 'done').length;
  const failed = entries.filter((entry) => entry.status === 'failed');
  const lines = [`${run.jobs.length} jobs: ${done} done (${run.jobs.length - run.incomplete.length} were already complete), ${failed.length} failed, ${entries.length - done - failed.length} pending`];
  lines.push(`results in ${join(run.out, run.configId)}; index ${join(run.out, 'index.jsonl')}; failures ${join(run.out, 'failures.txt')}`);
  const wanted = run.outputs.metrics;
  if (wanted !== undefined && !cancelled && done > 0) {
    const records: JobRecord[] = [];
    for (const job of run.jobs) {
      const record = await readCompleteRecord(job);
      if (record !== undefined) records.push(record);
    }
    const report = datasetFaithfulnessReport(records, wanted.metrics, wanted.steps, wanted.baseline);
    const suffix = `${basename(run.config.model, extname(run.config.model))}-${methodFilePart(run.config.method)}`;
    const files = faithfulnessCsvFiles(report, suffix);
    for (const file of files) await writeFileAtomic(join(run.out, file.name), file.text);
    const { means } = report;
    if (means.insertion !== undefined) lines.push(`insertion AUC  ${means.insertion.toFixed(4)}`);
    if (means.deletion !== undefined) lines.push(`deletion AUC   ${means.deletion.toFixed(4)}`);
    if (means.insertionMinusDeletion !== undefined) lines.push(`ins-del        ${means.insertionMinusDeletion.toFixed(4)}`);
    lines.push(`CSV files in ${run.out}: ${files.map((file) => file.name).join(', ')}`);
  }
  io.stdout.write(lines.join('\n') + '\n');
  if (cancelled) throw new PolycamError('aborted', `stopped with ${done} of ${run.jobs.length} jobs done; run the same command again to resume`);
  const first = failed[0];
  if (first !== undefined) {
    const kind = (first.kind === 'worker-lost' || first.kind === 'internal' ? 'backend-failure' : first.kind) as PolycamErrorKind;
    throw new PolycamError(kind, `${failed.length} of ${run.jobs.length} jobs failed (see ${join(run.out, 'failures.txt')}); first: ${first.image}: ${first.reason}`);
  }
}
