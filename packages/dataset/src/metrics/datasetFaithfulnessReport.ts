import { assembleFaithfulnessReport, type AverageDropIncreaseResult, type FaithfulnessMetric, type FaithfulnessReport, type RelevanceCurveResult } from '@polycam/metrics';
import type { JobRecord } from '../output/JobRecord.js';

/**
 * Gathers the per-map scores that a run's jobs kept in their records into one
 * `FaithfulnessReport`, the same that `evaluateFaithfulness` returns for the whole set, keyed by
 * each image's path relative to the input root; `faithfulnessCsvFiles` then writes the paper's
 * CSV files from it, in `polycam evaluate`'s format.
 *
 * @param records - The complete records, in the jobs' order; those without `faithfulness` are skipped.
 * @param metrics - The measures asked for.
 * @param steps - The curves' step count.
 * @param baseline - The curves' baseline.
 * @returns The report.
 */
export function datasetFaithfulnessReport(
  records: readonly JobRecord[],
  metrics: readonly FaithfulnessMetric[],
  steps: number,
  baseline: FaithfulnessReport['baseline'],
): FaithfulnessReport {
  const insertion = new Map<string, RelevanceCurveResult>();
  const deletion = new Map<string, RelevanceCurveResult>();
  const dropIncrease = new Map<string, AverageDropIncreaseResult>();
  for (const record of records) {
    const scores = record.faithfulness;
    if (scores === undefined) continue;
    if (scores.insertion) insertion.set(record.relativePath, { ...scores.insertion, scores: Float32Array.from(scores.insertion.scores) });
    if (scores.deletion) deletion.set(record.relativePath, { ...scores.deletion, scores: Float32Array.from(scores.deletion.scores) });
    if (scores.dropIncrease) dropIncrease.set(record.relativePath, scores.dropIncrease);
  }
  return assembleFaithfulnessReport(metrics, steps, baseline, { insertion, deletion, dropIncrease });
}
