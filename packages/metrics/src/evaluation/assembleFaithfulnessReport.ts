import type { AverageDropIncreaseResult } from '../faithfulness/AverageDropIncreaseResult.js';
import type { RelevanceBaseline } from '../faithfulness/RelevanceBaseline.js';
import type { RelevanceCurveResult } from '../faithfulness/RelevanceCurveResult.js';
import type { RoadResult } from '../road/RoadResult.js';
import type { FaithfulnessMetric } from './FaithfulnessMetric.js';
import type { FaithfulnessReport } from './FaithfulnessReport.js';

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * A {@link FaithfulnessReport} from per-image figures, with their means: what
 * {@link evaluateFaithfulness} returns once it has measured every image, and what a dataset run
 * assembles from figures measured one map at a time, so both give the same report and the same
 * CSV files.
 *
 * @param metrics - The measures computed (a mean is given only for these).
 * @param steps - The curves' step count.
 * @param baseline - The curves' baseline.
 * @param figures - Each image's insertion and deletion curves, drop and increase, and ROAD
 *   scores (none when absent), by key.
 * @returns The report.
 */
export function assembleFaithfulnessReport(
  metrics: readonly FaithfulnessMetric[],
  steps: number,
  baseline: RelevanceBaseline,
  figures: {
    readonly insertion: ReadonlyMap<string, RelevanceCurveResult>;
    readonly deletion: ReadonlyMap<string, RelevanceCurveResult>;
    readonly dropIncrease: ReadonlyMap<string, AverageDropIncreaseResult>;
    readonly road?: ReadonlyMap<string, RoadResult>;
  },
): FaithfulnessReport {
  const { insertion, deletion, dropIncrease, road = new Map<string, RoadResult>() } = figures;
  const keys = new Set([...insertion.keys(), ...deletion.keys(), ...dropIncrease.keys(), ...road.keys()]);
  const roads = [...road.values()];
  const auc = (map: ReadonlyMap<string, RelevanceCurveResult>): number => mean([...map.values()].map((result) => result.auc));
  const ins = metrics.includes('insertion') ? auc(insertion) : undefined;
  const del = metrics.includes('deletion') ? auc(deletion) : undefined;
  const drops = [...dropIncrease.values()];
  return {
    metrics,
    images: keys.size,
    steps,
    baseline,
    insertion,
    deletion,
    dropIncrease,
    road,
    means: {
      ...(ins === undefined ? {} : { insertion: ins }),
      ...(del === undefined ? {} : { deletion: del }),
      ...(ins === undefined || del === undefined ? {} : { insertionMinusDeletion: ins - del }),
      ...(metrics.includes('drop-increase')
        ? { averageDrop: mean(drops.map((result) => result.drop)), increaseInConfidence: mean(drops.map((result) => (result.increase ? 1 : 0))) }
        : {}),
      ...(metrics.includes('road')
        ? {
            roadMostRelevantFirst: mean(roads.map((result) => result.mostRelevantFirstMean)),
            roadLeastRelevantFirst: mean(roads.map((result) => result.leastRelevantFirstMean)),
            roadCombined: mean(roads.map((result) => result.combined)),
          }
        : {}),
    },
  };
}
