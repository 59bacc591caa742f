/**
 * Test and benchmark helpers for the ONNX backend: a builder that writes small CNNs as ONNX
 * models with seeded random weights, and ready-made VGG-like, ResNet-like and tiny models.
 * Import from `@polycam/backend-onnx/testing`.
 *
 * @packageDocumentation
 */
export { buildResNetLikeModel } from './buildResNetLikeModel.js';
export { buildTinyCnn } from './buildTinyCnn.js';
export { buildVggLikeModel } from './buildVggLikeModel.js';
export type { ConvOptions } from './ConvOptions.js';
export type { MaxPoolOptions } from './MaxPoolOptions.js';
export { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
export type { OnnxGraphBuilderOptions } from './OnnxGraphBuilderOptions.js';
export type { ResNetLikeOptions } from './ResNetLikeOptions.js';
export type { TinyCnnOptions } from './TinyCnnOptions.js';
export type { VggLikeOptions } from './VggLikeOptions.js';
export type { WeightTensor } from './WeightTensor.js';
