/**
 * The synthetic benchmark: seeded scenes of eight object classes on cluttered backgrounds, with
 * a pixel mask per object, written as train/validation/test splits; and the demo CNN trained on
 * it.
 *
 * @packageDocumentation
 */
export type { ObjectClass } from './shapes/ObjectClass.js';
export { objectClasses } from './shapes/objectClasses.js';
export { generateScene } from './scene/generateScene.js';
export type { Scene } from './scene/Scene.js';
export type { SceneObject } from './scene/SceneObject.js';
export type { SceneOptions } from './scene/SceneOptions.js';
export type { DatasetManifest } from './dataset/DatasetManifest.js';
export type { DatasetOptions } from './dataset/DatasetOptions.js';
export type { ManifestImage } from './dataset/ManifestImage.js';
export type { ManifestObject } from './dataset/ManifestObject.js';
export type { SplitSizes } from './dataset/SplitSizes.js';
export { generateDataset } from './dataset/generateDataset.js';
export { sceneSeed } from './dataset/sceneSeed.js';
export { bundledDemoModel } from './model/bundledDemoModel.js';
export type { DemoModelMetadata } from './model/DemoModelMetadata.js';
export { bundledSegmentationModel } from './model/bundledSegmentationModel.js';
export type { DemoSegmentationModelMetadata } from './model/DemoSegmentationModelMetadata.js';
