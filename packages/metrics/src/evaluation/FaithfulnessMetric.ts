import type { faithfulnessMetrics } from './faithfulnessMetrics.js';

/** One of {@link faithfulnessMetrics}: `insertion`, `deletion` or `drop-increase`. */
export type FaithfulnessMetric = (typeof faithfulnessMetrics)[number];
