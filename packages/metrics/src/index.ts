/**
 * Metrics for saliency maps:
 *
 * - faithfulness, the paper's protocol as the Poly-CAM authors' evaluation code runs it: the
 *   insertion and deletion curves and their AUCs (Petsiuk et al.), and Grad-CAM++'s Average
 *   Drop and Increase in Confidence;
 * - ROAD (Rong et al.), as pytorch-grad-cam computes it: most and least relevant pixels removed
 *   at percentiles of the map, filled by noisy linear imputation, and the score's change;
 * - localisation against ground-truth masks: the pointing game and the energy-based pointing
 *   game, and class-specificity on two-object images;
 * - robustness and sanity: Captum's sensitivity-max and the cascading model-randomisation check
 *   (Adebayo et al.) with Spearman rank correlations;
 * - the paper's CSV format for per-image values, and `evaluateFaithfulness`, the faithfulness
 *   protocol over a set of images that `polycam evaluate` runs, with its CSV files.
 *
 * @packageDocumentation
 */
export { formatFloat32 } from './csv/formatFloat32.js';
export { formatMetricCsv } from './csv/formatMetricCsv.js';
export { evaluateFaithfulness } from './evaluation/evaluateFaithfulness.js';
export { faithfulnessCsvFiles } from './evaluation/faithfulnessCsvFiles.js';
export type { FaithfulnessItem } from './evaluation/FaithfulnessItem.js';
export type { FaithfulnessMetric } from './evaluation/FaithfulnessMetric.js';
export { faithfulnessMetrics } from './evaluation/faithfulnessMetrics.js';
export type { FaithfulnessOptions } from './evaluation/FaithfulnessOptions.js';
export type { FaithfulnessReport } from './evaluation/FaithfulnessReport.js';
export { assembleFaithfulnessReport } from './evaluation/assembleFaithfulnessReport.js';
export type { MetricCsvFile } from './evaluation/MetricCsvFile.js';
export { averageDropIncrease } from './faithfulness/averageDropIncrease.js';
export { checkSaliencyMap } from './faithfulness/checkSaliencyMap.js';
export type { AverageDropIncreaseOptions } from './faithfulness/AverageDropIncreaseOptions.js';
export type { AverageDropIncreaseResult } from './faithfulness/AverageDropIncreaseResult.js';
export { deletion } from './faithfulness/deletion.js';
export { insertion } from './faithfulness/insertion.js';
export type { RelevanceBaseline } from './faithfulness/RelevanceBaseline.js';
export type { RelevanceCurveOptions } from './faithfulness/RelevanceCurveOptions.js';
export type { RelevanceCurveResult } from './faithfulness/RelevanceCurveResult.js';
export { classSpecificity } from './localisation/classSpecificity.js';
export { energyInMask } from './localisation/energyInMask.js';
export { pointingGame } from './localisation/pointingGame.js';
export { cascadingRandomization } from './robustness/cascadingRandomization.js';
export type { CascadingRandomizationOptions } from './robustness/CascadingRandomizationOptions.js';
export type { CascadingRandomizationResult } from './robustness/CascadingRandomizationResult.js';
export type { RandomizationStep } from './robustness/RandomizationStep.js';
export { sensitivityMax } from './robustness/sensitivityMax.js';
export type { SensitivityMaxOptions } from './robustness/SensitivityMaxOptions.js';
export type { SensitivityMaxResult } from './robustness/SensitivityMaxResult.js';
export { pearsonCorrelation } from './robustness/pearsonCorrelation.js';
export { spearmanCorrelation } from './robustness/spearmanCorrelation.js';
export { noisyLinearImputation } from './road/noisyLinearImputation.js';
export type { NoisyLinearImputationOptions } from './road/NoisyLinearImputationOptions.js';
export { road } from './road/road.js';
export type { RoadOptions } from './road/RoadOptions.js';
export type { RoadOrder } from './road/RoadOrder.js';
export { roadPercentiles } from './road/roadPercentiles.js';
export { roadRemovalMask } from './road/roadRemovalMask.js';
export type { RoadResult } from './road/RoadResult.js';
