import { TOKENS } from '@polycam/core';
import { ContainerModule } from 'inversify';
import { OcclusionMethod } from './attribution/OcclusionMethod.js';
import { RiseMethod } from './attribution/RiseMethod.js';
import { LayerCamFusion } from './fusion/LayerCamFusion.js';
import { RefineCamFusion } from './fusion/RefineCamFusion.js';
import { baselinePresets } from './presets/baselinePresets.js';
import { GradCamPlusPlusStrategy } from './weighting/GradCamPlusPlusStrategy.js';
import { GradCamStrategy } from './weighting/GradCamStrategy.js';
import { LayerCamStrategy } from './weighting/LayerCamStrategy.js';
import { ScoreCamStrategy } from './weighting/ScoreCamStrategy.js';

/**
 * Binds the baseline methods with their defaults: the strategies `score-cam`,
 * `score-cam-softmax`, `grad-cam`, `grad-cam++` and `layer-cam`, the fusions `layer-cam-max` and
 * `refine` (RefineCAM), the presets of {@link baselinePresets}, and the attribution methods
 * `rise` (4000 masks) and `occlusion`. Load it with `polycamModule`, whose strategies and `single-layer` fusion the
 * presets use. To change an option, bind your own instance under another id instead.
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, baselinesModule, onnxBackendModule);
 * const result = await container.get(TOKENS.Explainer).explain({ backend, input, method: 'score-cam' });
 * ```
 */
export const baselinesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WeightingStrategy).toConstantValue(new ScoreCamStrategy());
  bind(TOKENS.WeightingStrategy).toConstantValue(new ScoreCamStrategy({ weights: 'softmax-logit-difference' }));
  bind(TOKENS.WeightingStrategy).toConstantValue(new GradCamStrategy());
  bind(TOKENS.WeightingStrategy).toConstantValue(new GradCamPlusPlusStrategy());
  bind(TOKENS.WeightingStrategy).toConstantValue(new LayerCamStrategy());
  bind(TOKENS.Fusion).toConstantValue(new LayerCamFusion());
  bind(TOKENS.Fusion).toConstantValue(new RefineCamFusion());
  for (const preset of baselinePresets) {
    bind(TOKENS.MethodPreset).toConstantValue(preset);
  }
  bind(TOKENS.AttributionMethod).toConstantValue(new RiseMethod());
  bind(TOKENS.AttributionMethod).toConstantValue(new OcclusionMethod());
});
