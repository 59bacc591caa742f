/**
 * Test helpers for the TF.js backend: small seeded LayersModels and GraphModels written to disk,
 * for conformance runs and for third parties testing against TF.js models.
 *
 * @packageDocumentation
 */
export { buildTfjsLayersCnn } from './buildTfjsLayersCnn.js';
export type { TfjsGraphModelOptions } from './TfjsGraphModelOptions.js';
export type { TfjsLayersCnnOptions } from './TfjsLayersCnnOptions.js';
export { readSavedWeight } from './readSavedWeight.js';
export { writeTfjsGraphModel } from './writeTfjsGraphModel.js';
