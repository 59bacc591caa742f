/**
 * The TensorFlow.js backend for polycam: loads TF.js LayersModels and GraphModels from
 * `model.json` files, runs them on WASM (or the CPU backend, or libtensorflow when
 * `@tensorflow/tfjs-node` or `@tensorflow/tfjs-node-gpu` is installed), taps any layer, and
 * provides the `gradients` capability for gradient-based methods.
 *
 * @packageDocumentation
 */
export { activatePlatform } from './platform/activatePlatform.js';
export { decodeModelArtifacts } from './io/decodeModelArtifacts.js';
export { loadModelArtifacts } from './io/loadModelArtifacts.js';
export { saveModelArtifacts } from './io/saveModelArtifacts.js';
export { TfjsBackend } from './TfjsBackend.js';
export { TfjsBackendFactory } from './TfjsBackendFactory.js';
export { tfjsBackendModule } from './tfjsBackendModule.js';
export type { TfjsLoadOptions } from './TfjsLoadOptions.js';
export type { TfjsPlatform } from './platform/TfjsPlatform.js';
export { tfjsPlatforms } from './platform/tfjsPlatforms.js';
