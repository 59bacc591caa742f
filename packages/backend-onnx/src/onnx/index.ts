/**
 * ONNX tools for third-party runtimes: what a backend over another ONNX runtime
 * (onnxruntime-web, a browser build, ...) needs to tap layers and to build masked inputs the way
 * `@polycam/backend-onnx` does, without copying its code. {@link OnnxSessionBackend} is the
 * whole backend over any runtime that speaks `onnxruntime-common`'s `InferenceSession`: a
 * runtime's backend extends it and only creates its sessions. The wire-level tools work on the
 * model's bytes (a schema-less protobuf reading and rewriting that keeps every other byte).
 * Nothing here imports an ONNX runtime (only `onnxruntime-common`'s types), so it runs in
 * browsers as well as in Node.
 *
 * @example
 * ```ts
 * import { reachableOutputs, summarizeOnnxModel, wireOnnxModel, withGraphOutputs } from '@polycam/backend-onnx/onnx';
 *
 * const summary = summarizeOnnxModel(bytes);
 * const wiring = wireOnnxModel(summary, {}, 'model.onnx');
 * const layers = reachableOutputs(summary, wiring.input);
 * const tapped = withGraphOutputs(bytes, layers, summary.outputs.map((output) => output.name));
 * // create a session on `tapped` with any ONNX runtime and fetch any of `layers`
 * ```
 *
 * @packageDocumentation
 */
export { bilinearMatrix } from './bilinearMatrix.js';
export { detectLayout } from '../detectLayout.js';
export type { OnnxWiring } from '../OnnxWiring.js';
export { wireOnnxModel } from '../wireOnnxModel.js';
export type { MaskedInputSpec } from './MaskedInputSpec.js';
export { isOnnxSource } from './isOnnxSource.js';
export { maskedInputNames } from './maskedInputNames.js';
export type { OnnxModelSummary, OnnxNodeInfo, OnnxValueInfo } from './OnnxModelSummary.js';
export type { OnnxRuntimeBinding } from './OnnxRuntimeBinding.js';
export { OnnxSessionBackend } from './OnnxSessionBackend.js';
export type { OnnxSessions } from './OnnxSessions.js';
export type { OnnxSessionSource } from './OnnxSessionSource.js';
export type { DecodedTensor } from './DecodedTensor.js';
export { reachableOutputs } from './reachableOutputs.js';
export { readInitializers } from './readInitializers.js';
export { summarizeOnnxModel } from './summarizeOnnxModel.js';
export { withGraphOutputs } from './withGraphOutputs.js';
export { withMaskedInput } from './withMaskedInput.js';
