/**
 * A third-party example backend for polycam: a `ModelBackend` over onnxruntime-web's WASM
 * build, which runs in Node and in browsers. It taps layers with the wire-level ONNX tools of
 * `@polycam/backend-onnx/onnx` and uses only polycam's public entry points.
 *
 * @packageDocumentation
 */
export { OrtWebBackend } from './backend/OrtWebBackend.js';
export type { OrtWebLoadOptions } from './backend/OrtWebLoadOptions.js';
export { OrtWebMaskedInputRunner } from './backend/OrtWebMaskedInputRunner.js';
export { OrtWebBackendFactory } from './container/OrtWebBackendFactory.js';
export { ortWebBackendModule, ortWebBackendModule as polycamPlugin } from './container/ortWebBackendModule.js';
export { configureWasm } from './runtime/configureWasm.js';
