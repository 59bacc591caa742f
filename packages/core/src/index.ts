/**
 * polycam's core: the contracts every plugin implements, the dependency-injection tokens and the
 * explain pipeline. It depends on no ML runtime. The numeric kernels are in
 * `@polycam/core/kernels`, npz I/O in `@polycam/core/io`, the channel masks in
 * `@polycam/core/masking` and the conformance suites in `@polycam/core/testing`.
 *
 * @packageDocumentation
 */
export type { AttributionContext } from './attribution/AttributionContext.js';
export type { AttributionMethod } from './attribution/AttributionMethod.js';
export type { BackendCapability } from './backend/BackendCapability.js';
export { backendCapabilities } from './backend/backendCapabilities.js';
export type { BackendFactory } from './backend/BackendFactory.js';
export type { BackendLoadOptions } from './backend/BackendLoadOptions.js';
export { checkMaskedRunRequest } from './backend/checkMaskedRunRequest.js';
export { checkRunRequest } from './backend/checkRunRequest.js';
export type { ChunkedRun } from './backend/ChunkedRun.js';
export type { GradientProvider } from './backend/GradientProvider.js';
export type { InputLayout } from './backend/InputLayout.js';
export type { LayerInfo } from './backend/LayerInfo.js';
export type { MaskedInputRunner } from './backend/MaskedInputRunner.js';
export type { MaskedRunRequest } from './backend/MaskedRunRequest.js';
export type { ModelBackend } from './backend/ModelBackend.js';
export type { ModelDescription } from './backend/ModelDescription.js';
export type { ModelSource } from './backend/ModelSource.js';
export type { RunRequest } from './backend/RunRequest.js';
export type { RunResult } from './backend/RunResult.js';
export { runInChunks } from './backend/runInChunks.js';
export type { WeightRandomizer } from './backend/WeightRandomizer.js';
export type { ApproximationReport } from './budget/ApproximationReport.js';
export type { BudgetProblem } from './budget/BudgetProblem.js';
export type { LayerApproximation } from './budget/LayerApproximation.js';
export type { PassBudget } from './budget/PassBudget.js';
export type { PassBudgetRule } from './budget/PassBudgetRule.js';
export type { PreparedBudget } from './budget/PreparedBudget.js';
export { coreModule } from './container/coreModule.js';
export { createPolycamContainer } from './container/createPolycamContainer.js';
export { loadModel } from './container/loadModel.js';
export { PolycamError } from './errors/PolycamError.js';
export type { PolycamErrorKind } from './errors/PolycamErrorKind.js';
export { throwIfAborted } from './errors/throwIfAborted.js';
export type {
  ExplainEvent,
  ExplainLayerEvent,
  ExplainProgressEvent,
  ExplainResultEvent,
  ExplainStartedEvent,
} from './explainer/ExplainEvent.js';
export type { ExplainParts } from './explainer/ExplainParts.js';
export { Explainer } from './explainer/Explainer.js';
export type { ExplainerOptions } from './explainer/ExplainerOptions.js';
export type { ExplainPlan } from './explainer/ExplainPlan.js';
export type { ExplainRequest } from './explainer/ExplainRequest.js';
export type { ExplainResult, ExplainStage, PassCount } from './explainer/ExplainResult.js';
export type { PreparedExplanation } from './explainer/PreparedExplanation.js';
export type { PreparedTarget } from './explainer/PreparedTarget.js';
export type { Fusion } from './fusion/Fusion.js';
export { fuseStages } from './fusion/fuseStages.js';
export { stageMapOf } from './fusion/stageMapOf.js';
export { discoverLayers } from './layers/discoverLayers.js';
export { isSpatialLayer } from './layers/isSpatialLayer.js';
export type { LayerSelection } from './layers/LayerSelection.js';
export { nearestNames } from './layers/nearestNames.js';
export { resolveLayers } from './layers/resolveLayers.js';
export { spatialResolutions } from './layers/spatialResolutions.js';
export type { MethodPreset } from './methods/MethodPreset.js';
export type { MethodSummary } from './methods/MethodSummary.js';
export type { ImagePixels } from './preprocess/ImagePixels.js';
export { imagenetStatistics } from './preprocess/imagenetStatistics.js';
export type { PreprocessOptions } from './preprocess/PreprocessOptions.js';
export { preprocessImage } from './preprocess/preprocessImage.js';
export { redrawWeights } from './random/redrawWeights.js';
export { seededRandom } from './random/seededRandom.js';
export type { BatchScoringContext } from './scoring/BatchScoringContext.js';
export type { LowResolutionMasks } from './scoring/LowResolutionMasks.js';
export { scoreInBatches } from './scoring/scoreInBatches.js';
export type { ScoringJobs } from './scoring/ScoringJobs.js';
export { argmax } from './target/argmax.js';
export { builtInTargets } from './target/builtInTargets.js';
export { ClassTargetPlugin } from './target/ClassTargetPlugin.js';
export type { ClassTargetOptions } from './target/ClassTargetOptions.js';
export { DetectionTargetPlugin } from './target/DetectionTargetPlugin.js';
export type { DetectionTargetOptions } from './target/DetectionTargetOptions.js';
export { detectionTarget } from './target/detectionTarget.js';
export { EmbeddingTargetPlugin } from './target/EmbeddingTargetPlugin.js';
export type { EmbeddingTargetOptions } from './target/EmbeddingTargetOptions.js';
export { embeddingTarget } from './target/embeddingTarget.js';
export { SegmentationTargetPlugin } from './target/SegmentationTargetPlugin.js';
export type { SegmentationTargetOptions } from './target/SegmentationTargetOptions.js';
export { segmentationTarget } from './target/segmentationTarget.js';
export { classTarget } from './target/classTarget.js';
export { targetBinder } from './target/targetBinder.js';
export { targetGradient } from './target/targetGradient.js';
export type { ScoreFunction } from './target/ScoreFunction.js';
export type { TargetFunction } from './target/TargetFunction.js';
export type { TargetArgumentLoader } from './target/TargetArgumentLoader.js';
export type { TargetBindContext } from './target/TargetBindContext.js';
export type { TargetPlugin } from './target/TargetPlugin.js';
export type { TargetRequest } from './target/TargetRequest.js';
export type { Map2D } from './tensor/Map2D.js';
export { shapeSize } from './tensor/shapeSize.js';
export type { Tensor } from './tensor/Tensor.js';
export { TOKENS } from './tokens.js';
export type { PassLedger } from './weighting/PassLedger.js';
export type { WeightGranularity } from './weighting/WeightGranularity.js';
export type { WeightingContext } from './weighting/WeightingContext.js';
export type { WeightingStrategy } from './weighting/WeightingStrategy.js';
