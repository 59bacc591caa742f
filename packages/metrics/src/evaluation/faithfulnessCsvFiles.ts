import { csvField } from '../csv/csvField.js';
import { formatFloat32 } from '../csv/formatFloat32.js';
import { formatMetricCsv } from '../csv/formatMetricCsv.js';
import type { FaithfulnessReport } from './FaithfulnessReport.js';
import type { MetricCsvFile } from './MetricCsvFile.js';

/**
 * The paper's CSV files for a faithfulness report, named as the authors' evaluation code names
 * them after the model and the saliency method: `ins_auc_<suffix>.csv` (one AUC per image),
 * `ins_details_<suffix>.csv` (the score at every step), `del_auc_…`, `del_details_…`, and
 * `drop_increase_<suffix>.csv` (`,drop,increase` with increase as 1 or 0), and
 * `road_<suffix>.csv` (`,morf,lerf,combined`, then `morf_<p>` and `lerf_<p>` for each
 * percentile p: score differences). Only the measures the report holds get files.
 *
 * @param report - What {@link evaluateFaithfulness} measured.
 * @param suffix - `<model>-<saliency>`, such as `resnet18-pcampm`.
 * @returns The files in that order, not yet written.
 */
export function faithfulnessCsvFiles(report: FaithfulnessReport, suffix: string): MetricCsvFile[] {
  const files: MetricCsvFile[] = [];
  for (const [metric, prefix] of [['insertion', 'ins'], ['deletion', 'del']] as const) {
    if (!report.metrics.includes(metric)) continue;
    const curves = report[metric];
    files.push({ name: `${prefix}_auc_${suffix}.csv`, text: formatMetricCsv(new Map([...curves].map(([key, curve]) => [key, [curve.auc]]))) });
    files.push({ name: `${prefix}_details_${suffix}.csv`, text: formatMetricCsv(new Map([...curves].map(([key, curve]) => [key, curve.scores]))) });
  }
  if (report.metrics.includes('drop-increase')) {
    const rows = [...report.dropIncrease].map(([key, result]) => `${key},${result.drop},${result.increase ? 1 : 0}`);
    files.push({ name: `drop_increase_${suffix}.csv`, text: [',drop,increase', ...rows].join('\n') + '\n' });
  }
  if (report.metrics.includes('road')) {
    const percentiles = [...report.road.values()][0]?.percentiles ?? [];
    const header = ['', 'morf', 'lerf', 'combined', ...percentiles.map((p) => `morf_${p}`), ...percentiles.map((p) => `lerf_${p}`)].join(',');
    const rows = [...report.road].map(([key, result]) =>
      [csvField(key), ...[result.mostRelevantFirstMean, result.leastRelevantFirstMean, result.combined, ...result.mostRelevantFirst, ...result.leastRelevantFirst].map(formatFloat32)].join(','),
    );
    files.push({ name: `road_${suffix}.csv`, text: [header, ...rows].join('\n') + '\n' });
  }
  return files;
}
