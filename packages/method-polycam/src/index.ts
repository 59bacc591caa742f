/**
 * Poly-CAM's methods: the CIC, CDC and CVC weighting strategies (on core's masked-scoring
 * helper, `@polycam/core/masking`), the LNorm fusion and its ablations, the `pcam+`, `pcam-`
 * and `pcam±` presets, the pass-budget rules that spend `maxPasses` (`groups`, the default, and
 * `top-variance`) with their selection kernels, Faster Poly-CAM's strategy, and the container
 * module that registers them.
 *
 * @packageDocumentation
 */
export { GroupBudgetRule } from './budget/GroupBudgetRule.js';
export { TopVarianceBudgetRule } from './budget/TopVarianceBudgetRule.js';
export { LNormFusion } from './fusion/LNormFusion.js';
export { NoLNormFusion } from './fusion/NoLNormFusion.js';
export { SingleLayerFusion } from './fusion/SingleLayerFusion.js';
export { polycamModule } from './polycamModule.js';
export { polycamPresets } from './presets/polycamPresets.js';
export { selectChannels } from './selection/selectChannels.js';
export { splitProbesByInertia } from './budget/splitProbesByInertia.js';
export { splitProbesEvenly } from './budget/splitProbesEvenly.js';
export { clustersFromMerges } from './selection/clustersFromMerges.js';
export { topVarianceChannels } from './selection/topVarianceChannels.js';
export { wardClusters } from './selection/wardClusters.js';
export type { WardMerge } from './selection/WardMerge.js';
export { wardMerges } from './selection/wardMerges.js';
export { CdcStrategy } from './weighting/CdcStrategy.js';
export { CicStrategy } from './weighting/CicStrategy.js';
export { CvcStrategy } from './weighting/CvcStrategy.js';
export { defaultKeep } from './weighting/defaultKeep.js';
export type { FasterPolycamOptions } from './weighting/FasterPolycamOptions.js';
export { FasterPolycamStrategy } from './weighting/FasterPolycamStrategy.js';
