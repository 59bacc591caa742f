/**
 * A third-party example plugin for polycam: "Faster Poly-CAM", which scores only the channels of
 * highest activation variance in each layer (tf-keras-vis's Faster Score-CAM idea) and so cuts
 * the forward passes. It uses only polycam's public entry points.
 *
 * Load it from the command line with `polycam explain --plugin @polycam-examples/faster-polycam
 * --method fpcam±`: the CLI imports the module and loads its `polycamPlugin` export, a container
 * module.
 *
 * @packageDocumentation
 */
export { createFasterPolycamModule } from './container/createFasterPolycamModule.js';
export { fasterPolycamModule, fasterPolycamModule as polycamPlugin } from './container/fasterPolycamModule.js';
export { fasterPolycamPresets } from './presets/fasterPolycamPresets.js';
export { selectChannels } from './selection/selectChannels.js';
export { topVarianceChannels } from './selection/topVarianceChannels.js';
export { defaultKeep } from './weighting/defaultKeep.js';
export type { FasterPolycamOptions } from './weighting/FasterPolycamOptions.js';
export { FasterPolycamStrategy } from './weighting/FasterPolycamStrategy.js';
