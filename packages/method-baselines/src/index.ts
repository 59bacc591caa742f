/**
 * The classic saliency baselines as ordinary polycam plugins, built on `@polycam/core`'s public
 * contracts only: Score-CAM, Grad-CAM, Grad-CAM++ and Layer-CAM (weighting strategies, with
 * Layer-CAM's max fusion), RefineCAM's product fusion (with Grad-CAM++ or CAM± CAMs), the single-layer CAM+/−/± ablation presets, and RISE and Occlusion
 * (pixel-attribution methods). Load {@link baselinesModule} next to `polycamModule`.
 *
 * @packageDocumentation
 */
export { OcclusionMethod } from './attribution/OcclusionMethod.js';
export type { OcclusionOptions } from './attribution/OcclusionOptions.js';
export { RiseMethod } from './attribution/RiseMethod.js';
export type { RiseOptions } from './attribution/RiseOptions.js';
export { baselinesModule } from './baselinesModule.js';
export { LayerCamFusion } from './fusion/LayerCamFusion.js';
export { RefineCamFusion } from './fusion/RefineCamFusion.js';
export type { GradientScore } from './gradients/GradientScore.js';
export type { GradientStrategyOptions } from './gradients/GradientStrategyOptions.js';
export { baselinePresets } from './presets/baselinePresets.js';
export { GradCamPlusPlusStrategy } from './weighting/GradCamPlusPlusStrategy.js';
export { GradCamStrategy } from './weighting/GradCamStrategy.js';
export { GradientWeightingStrategy } from './gradients/GradientWeightingStrategy.js';
export { LayerCamStrategy } from './weighting/LayerCamStrategy.js';
export type { ScoreCamOptions } from './weighting/ScoreCamOptions.js';
export { ScoreCamStrategy } from './weighting/ScoreCamStrategy.js';
export type { ScoreCamWeights } from './weighting/ScoreCamWeights.js';
