/**
 * Poly-CAM's methods: the CIC, CDC and CVC weighting strategies (on core's masked-scoring
 * helper, `@polycam/core/masking`), the LNorm fusion and its ablations, the `pcam+`, `pcam-`
 * and `pcam±` presets, and the container module that registers them.
 *
 * @packageDocumentation
 */
export { LNormFusion } from './fusion/LNormFusion.js';
export { NoLNormFusion } from './fusion/NoLNormFusion.js';
export { SingleLayerFusion } from './fusion/SingleLayerFusion.js';
export { polycamModule } from './polycamModule.js';
export { polycamPresets } from './presets/polycamPresets.js';
export { CdcStrategy } from './weighting/CdcStrategy.js';
export { CicStrategy } from './weighting/CicStrategy.js';
export { CvcStrategy } from './weighting/CvcStrategy.js';
