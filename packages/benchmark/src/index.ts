/**
 * The research protocols on the synthetic benchmark, as functions that return data:
 *
 * - `runBenchmark`: Poly-CAM, its ablations and the baselines on held-out one-object images, with
 *   the insertion and deletion AUCs and curves, the pointing game, the energy inside the object
 *   and each method's cost; its rows come from the explainer's registered methods
 *   (`benchmarkRows`), so a plugin's preset can be benchmarked too;
 * - `runSanity`: sensitivity-max and the cascading model-randomisation check;
 * - `runLocalisation`: PCAM± and its fusion ablations against the objects' masks, on one- and
 *   two-object images;
 * - the held-out test split (`benchmarkSplits`, `openBenchmarkImages`) and a reader for a
 *   benchmark folder's images and masks (`loadDatasetImages`).
 *
 * Rendering tables and plots is left to the caller (the `polycam benchmark` and `polycam sanity`
 * commands).
 *
 * @packageDocumentation
 */
export { benchmarkSplits } from './dataset/benchmarkSplits.js';
export type { BenchmarkImages } from './dataset/BenchmarkImages.js';
export type { DatasetImage } from './dataset/DatasetImage.js';
export { ensureBenchmarkTestSplit } from './dataset/ensureBenchmarkTestSplit.js';
export { loadDatasetImages } from './dataset/loadDatasetImages.js';
export { openBenchmarkImages } from './dataset/openBenchmarkImages.js';
export { readDatasetImage } from './dataset/readDatasetImage.js';
export type { BenchmarkOptions } from './protocol/BenchmarkOptions.js';
export type { BenchmarkRowFigures } from './protocol/BenchmarkRowFigures.js';
export type { LocalisationOptions } from './protocol/LocalisationOptions.js';
export type { LocalisationReport } from './protocol/LocalisationReport.js';
export type { LocalisationRow } from './protocol/LocalisationRow.js';
export type { ProtocolOptions } from './protocol/ProtocolOptions.js';
export { runBenchmark } from './protocol/runBenchmark.js';
export { runLocalisation } from './protocol/runLocalisation.js';
export { runSanity } from './protocol/runSanity.js';
export { sanityMethods } from './protocol/sanityMethods.js';
export type { SanityOptions } from './protocol/SanityOptions.js';
export type { SanityReport } from './protocol/SanityReport.js';
export type { BenchmarkRow } from './rows/BenchmarkRow.js';
export { benchmarkRows } from './rows/benchmarkRows.js';
export { partitionBenchmarkRows } from './rows/partitionBenchmarkRows.js';
