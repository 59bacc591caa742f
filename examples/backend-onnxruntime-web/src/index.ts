/**
 * A third-party example backend for polycam: a `ModelBackend` over onnxruntime-web's WASM
 * build, which runs in Node and in browsers. It extends `OnnxSessionBackend` from
 * `@polycam/backend-onnx/onnx` and brings only its sessions (WASM threads, session creation), and
 * uses only polycam's public entry points.
 *
 * @packageDocumentation
 */
export { OrtWebBackend } from './backend/OrtWebBackend.js';
export type { OrtWebLoadOptions } from './backend/OrtWebLoadOptions.js';
export { OrtWebBackendFactory } from './container/OrtWebBackendFactory.js';
export { ortWebBackendModule, ortWebBackendModule as polycamPlugin } from './container/ortWebBackendModule.js';
export { configureWasm } from './runtime/configureWasm.js';
