/**
 * A third-party example plugin for polycam: it registers "Faster Poly-CAM" presets (`fpcam+`,
 * `fpcam-`, `fpcam±`) over `FasterPolycamStrategy` from `@polycam/method-polycam`, which scores
 * only the channels of highest activation variance in each layer (tf-keras-vis's Faster
 * Score-CAM idea). It uses only polycam's public entry points. For a cap on the passes of one
 * map, polycam's own `maxPasses` (`--max-passes`) supersedes it.
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
