import type { AverageDropIncreaseResult } from '../faithfulness/AverageDropIncreaseResult.js';
import type { RelevanceBaseline } from '../faithfulness/RelevanceBaseline.js';
import type { RelevanceCurveResult } from '../faithfulness/RelevanceCurveResult.js';
import type { RoadResult } from '../road/RoadResult.js';
import type { FaithfulnessMetric } from './FaithfulnessMetric.js';

/**
 * What {@link evaluateFaithfulness} measured: every image's curves and confidence measures,
 * keyed by the items' keys in their order, and the means over the images. A measure that was
 * not asked for has an empty map and no mean.
 */
export interface FaithfulnessReport {
  /** The measures computed. */
  readonly metrics: readonly FaithfulnessMetric[];
  /** How many images. */
  readonly images: number;
  /** The curves' step count. */
  readonly steps: number;
  /** The curves' baseline. */
  readonly baseline: RelevanceBaseline;
  /** Each image's insertion curve and AUC. */
  readonly insertion: ReadonlyMap<string, RelevanceCurveResult>;
  /** Each image's deletion curve and AUC. */
  readonly deletion: ReadonlyMap<string, RelevanceCurveResult>;
  /** Each image's drop and increase in confidence. */
  readonly dropIncrease: ReadonlyMap<string, AverageDropIncreaseResult>;
  /** Each image's ROAD scores. */
  readonly road: ReadonlyMap<string, RoadResult>;
  /** Means over the images. */
  readonly means: {
    /** Mean insertion AUC (higher is better). */
    readonly insertion?: number;
    /** Mean deletion AUC (lower is better). */
    readonly deletion?: number;
    /** Mean insertion AUC minus mean deletion AUC, when both were computed. */
    readonly insertionMinusDeletion?: number;
    /** Average Drop, in [0, 1]. */
    readonly averageDrop?: number;
    /** Increase in Confidence: the share of images whose masked score is higher, in [0, 1]. */
    readonly increaseInConfidence?: number;
    /** Mean ROAD most-relevant-first score, a score difference (lower is better). */
    readonly roadMostRelevantFirst?: number;
    /** Mean ROAD least-relevant-first score (higher is better). */
    readonly roadLeastRelevantFirst?: number;
    /** Mean ROAD combined score, `(LeRF − MoRF) / 2` (higher is better). */
    readonly roadCombined?: number;
  };
}
