import type { faithfulnessMetrics } from './faithfulnessMetrics.js';

/** One of {@link faithfulnessMetrics}: `insertion`, `deletion`, `drop-increase` or `road`. */
export type FaithfulnessMetric = (typeof faithfulnessMetrics)[number];
