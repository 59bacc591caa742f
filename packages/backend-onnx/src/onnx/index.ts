/**
 * Wire-level ONNX tools for third-party runtimes: what a backend over another ONNX runtime
 * (onnxruntime-web, a browser build, ...) needs to tap layers and to build masked inputs the way
 * `@polycam/backend-onnx` does, without copying its code. Everything here works on the model's
 * bytes (a schema-less protobuf reading and rewriting that keeps every other byte) and depends
 * on no ONNX runtime, so it runs in browsers as well as in Node.
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
export { detectLayout } from '../detectLayout.js';
export type { OnnxWiring } from '../OnnxWiring.js';
export { wireOnnxModel } from '../wireOnnxModel.js';
export type { MaskedInputSpec } from './MaskedInputSpec.js';
export { maskedInputNames } from './maskedInputNames.js';
export type { OnnxModelSummary, OnnxNodeInfo, OnnxValueInfo } from './OnnxModelSummary.js';
export type { DecodedTensor } from './DecodedTensor.js';
export { reachableOutputs } from './reachableOutputs.js';
export { readInitializers } from './readInitializers.js';
export { summarizeOnnxModel } from './summarizeOnnxModel.js';
export { withGraphOutputs } from './withGraphOutputs.js';
export { withMaskedInput } from './withMaskedInput.js';
