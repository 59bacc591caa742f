import { PolycamError } from '@polycam/core';
import { evaluateFaithfulness } from '@polycam/metrics';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import type { JobMetrics } from '../output/JobMetrics.js';
import { readCompleteRecord } from '../output/readCompleteRecord.js';
import { writeJobResult } from '../output/writeJobResult.js';
import { describeFailure } from '../retry/describeFailure.js';
import { appendAttempt } from './appendAttempt.js';
import type { JobContext } from './JobContext.js';
import type { JobOutcome } from './JobOutcome.js';
import { explanationRecord } from '../output/explanationRecord.js';

/**
 * Runs one job on a worker: unless its result is already complete (a job handed over after its
 * first worker died having written it), it decodes the image, explains it, scores the map with
 * the asked metrics, renders the overlay when asked, and writes the result atomically, record
 * last. Every run is logged by {@link appendAttempt}. A cancellation throws, so that the job is
 * handed back rather than failed; any other error becomes a `failed` outcome with its
 * classification.
 *
 * @param context - The worker's model and operations for the job's configuration.
 * @param data - The job.
 * @param signal - Cancels the job; nothing of it is left behind.
 * @returns How it ended.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when cancelled.
 */
export async function executeJob(context: JobContext, data: DatasetJobData, signal: AbortSignal): Promise<JobOutcome> {
  const { key } = data.job;
  if ((await readCompleteRecord(data)) !== undefined) {
    await appendAttempt(data, 'complete');
    return { status: 'complete', key };
  }
  try {
    const image = await context.readImage(data.job.image);
    const input = context.preprocess(image);
    const result = await context.explain(input, signal, data.job.target).catch((error: unknown) => {
      throw PolycamError.is(error, 'non-finite-output') ? new PolycamError(error.kind, `'${data.job.relativePath}': ${error.message}`) : error;
    });
    let faithfulness: JobMetrics | undefined;
    const wanted = data.outputs.metrics;
    if (wanted !== undefined) {
      const report = await evaluateFaithfulness(context.backend, [{ key, input, saliency: result.map }], {
        metrics: wanted.metrics,
        steps: wanted.steps,
        baseline: wanted.baseline,
        batchSize: wanted.batchSize,
        ...(result.classIndex === undefined ? {} : { classIndex: result.classIndex }),
        signal,
      });
      const curve = (metric: 'insertion' | 'deletion') => {
        const found = report[metric].get(key);
        return found === undefined ? {} : { [metric]: { classIndex: found.classIndex, auc: found.auc, scores: Array.from(found.scores) } };
      };
      const drop = report.dropIncrease.get(key);
      faithfulness = {
        metrics: report.metrics,
        steps: report.steps,
        baseline: report.baseline,
        ...curve('insertion'),
        ...curve('deletion'),
        ...(drop === undefined ? {} : { dropIncrease: { ...drop } }),
      };
    }
    const overlay = data.outputs.overlay ? await context.renderOverlay(image, result.map) : undefined;
    if (signal.aborted) throw new PolycamError('aborted', 'the job was cancelled');
    const summary = explanationRecord(data.job.image, result, context.details(result));
    await writeJobResult(data, result.map, summary, { ...(overlay === undefined ? {} : { overlay }), ...(faithfulness === undefined ? {} : { faithfulness }) });
  } catch (error) {
    if (PolycamError.is(error, 'aborted') || signal.aborted) throw error;
    const failure = describeFailure(error);
    await appendAttempt(data, 'failed', failure.reason);
    return { status: 'failed', key, failure };
  }
  await appendAttempt(data, 'done');
  return { status: 'done', key };
}
