/**
 * A polycam `ModelBackend` over onnxruntime-web: WASM (with threads where the page is
 * cross-origin isolated) in browsers and in Node, and WebGPU in browsers that offer it. It
 * extends `OnnxSessionBackend` from `@polycam/backend-onnx/onnx` and brings only its sessions;
 * the browser app `@polycam/web` runs on it.
 *
 * @packageDocumentation
 */
export { OrtWebBackend } from './backend/OrtWebBackend.js';
export type { OrtWebDevice } from './backend/OrtWebDevice.js';
export type { OrtWebLoadOptions } from './backend/OrtWebLoadOptions.js';
export { OrtWebBackendFactory } from './container/OrtWebBackendFactory.js';
export { ortWebBackendModule, ortWebBackendModule as polycamPlugin } from './container/ortWebBackendModule.js';
export { configureWasm } from './runtime/configureWasm.js';
