/**
 * Poly-CAM's methods: the CIC, CDC and CVC weighting strategies with their shared masked-scoring
 * helper, the LNorm fusion and its ablations, the `pcam+`, `pcam-` and `pcam±` presets, and the
 * container module that registers them.
 *
 * @packageDocumentation
 */
export { LNormFusion } from './fusion/LNormFusion.js';
export { NoLNormFusion } from './fusion/NoLNormFusion.js';
export { SingleLayerFusion } from './fusion/SingleLayerFusion.js';
export type { ChannelMaskPlan } from './masking/ChannelMaskPlan.js';
export type { ChannelMaskScores } from './masking/ChannelMaskScores.js';
export type { MaskKind } from './masking/MaskKind.js';
export type { MaskVariants } from './masking/MaskVariants.js';
export { planChannelMasks } from './masking/planChannelMasks.js';
export { scoreChannelMasks } from './masking/scoreChannelMasks.js';
export { polycamModule } from './polycamModule.js';
export { polycamPresets } from './presets/polycamPresets.js';
export { CdcStrategy } from './weighting/CdcStrategy.js';
export { CicStrategy } from './weighting/CicStrategy.js';
export { CvcStrategy } from './weighting/CvcStrategy.js';
