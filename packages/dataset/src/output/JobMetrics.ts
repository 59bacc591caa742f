import type { FaithfulnessMetric, RelevanceBaseline } from '@polycam/metrics';

/** A map's faithfulness scores, kept in its job's record. */
export interface JobMetrics {
  /** The measures computed. */
  readonly metrics: readonly FaithfulnessMetric[];
  /** The curves' step count. */
  readonly steps: number;
  /** The curves' baseline. */
  readonly baseline: RelevanceBaseline;
  /** The insertion curve: its class, AUC and the score at every step. */
  readonly insertion?: {
    /** The class the curve scores (none for a target without a class). */
    readonly classIndex?: number;
    /** The area under the curve. */
    readonly auc: number;
    /** The score at every step. */
    readonly scores: readonly number[];
  };
  /** The deletion curve. */
  readonly deletion?: {
    /** The class the curve scores (none for a target without a class). */
    readonly classIndex?: number;
    /** The area under the curve. */
    readonly auc: number;
    /** The score at every step. */
    readonly scores: readonly number[];
  };
  /** The average drop and increase in confidence. */
  readonly dropIncrease?: {
    /** The class scored (none for a target without a class). */
    readonly classIndex?: number;
    /** Its score on the image. */
    readonly baseScore: number;
    /** Its score on the image masked by the map. */
    readonly maskedScore: number;
    /** The relative drop, in [0, 1]. */
    readonly drop: number;
    /** Whether the masked score is higher. */
    readonly increase: boolean;
  };
}
