/**
 * The ONNX Runtime backend for polycam: loads `.onnx` models with onnxruntime-node, taps any
 * intermediate tensor by rewriting the graph, and describes every layer with its shape.
 *
 * @packageDocumentation
 */
export { detectLayout } from './detectLayout.js';
export { OnnxBackend } from './OnnxBackend.js';
export { OnnxBackendFactory } from './OnnxBackendFactory.js';
export { onnxBackendModule } from './onnxBackendModule.js';
export type { OnnxLoadOptions } from './OnnxLoadOptions.js';
