import { concatenateBytes } from './concatenateBytes.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';

const { model: MODEL, graph: GRAPH, valueInfo: VALUE_INFO } = onnxFields;

/**
 * Rewrites an ONNX model so that more of its intermediate tensors become graph outputs, which is
 * how onnxruntime lets a caller read them. Every other byte of the model is kept as it was; the
 * new outputs carry only their names, and the runtime infers their types.
 *
 * @param model - The `.onnx` file's bytes.
 * @param names - Tensor names to add as outputs (names already outputs are skipped).
 * @param existingOutputs - The graph's current output names.
 * @returns The rewritten model's bytes.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the model's
 *   bytes are not a protobuf message.
 */
export function withGraphOutputs(model: Uint8Array, names: readonly string[], existingOutputs: readonly string[]): Uint8Array {
  const additions = [...new Set(names)].filter((name) => !existingOutputs.includes(name));
  const newOutputs = additions.map((name) =>
    new ProtoMessageWriter().bytes(GRAPH.output, new ProtoMessageWriter().string(VALUE_INFO.name, name).finish()).finish(),
  );
  const parts = readProtoFields(model).map((field) =>
    field.number === MODEL.graph && field.wireType === 2
      ? new ProtoMessageWriter().bytes(MODEL.graph, concatenateBytes([field.bytes, ...newOutputs])).finish()
      : field.raw,
  );
  return concatenateBytes(parts);
}
