/**
 * ONNX model builders: a builder that writes small CNNs as ONNX models with seeded random
 * weights, and ready-made VGG-like, ResNet-like, ResNet-50-like and tiny models (a tiny segmenter and a tiny detector among them). The test suites, the speed
 * bench (`npm run bench`) and users who want a model to try polycam on build their models with
 * them. Import from `@polycam/backend-onnx/builders`; they need no ONNX runtime.
 *
 * @packageDocumentation
 */
export { buildResNet50LikeModel } from './buildResNet50LikeModel.js';
export { buildResNetLikeModel } from './buildResNetLikeModel.js';
export { buildTinyCnn } from './buildTinyCnn.js';
export { buildTinyDetector } from './buildTinyDetector.js';
export { buildTinySegmenter } from './buildTinySegmenter.js';
export { buildVggLikeModel } from './buildVggLikeModel.js';
export type { BuiltModelOptions } from './BuiltModelOptions.js';
export type { ConvOptions } from './ConvOptions.js';
export type { MaxPoolOptions } from './MaxPoolOptions.js';
export { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
export type { OnnxGraphBuilderOptions } from './OnnxGraphBuilderOptions.js';
export type { ResNet50LikeOptions } from './ResNet50LikeOptions.js';
export type { ResNetLikeOptions } from './ResNetLikeOptions.js';
export type { TinyCnnOptions } from './TinyCnnOptions.js';
export type { TinyDetectorOptions } from './TinyDetectorOptions.js';
export type { VggLikeOptions } from './VggLikeOptions.js';
export type { WeightTensor } from './WeightTensor.js';
