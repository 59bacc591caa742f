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
  readonly insertion?: { readonly classIndex: number; readonly auc: number; readonly scores: readonly number[] };
  /** The deletion curve. */
  readonly deletion?: { readonly classIndex: number; readonly auc: number; readonly scores: readonly number[] };
  /** The average drop and increase in confidence. */
  readonly dropIncrease?: { readonly classIndex: number; readonly baseScore: number; readonly maskedScore: number; readonly drop: number; readonly increase: boolean };
}
