import protobuf from 'protobufjs/minimal.js';
import { readProtoFields } from './readProtoFields.js';

const MODEL_GRAPH = 7;
const GRAPH_OUTPUT = 12;
const VALUE_INFO_NAME = 1;

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const output = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

/**
 * Rewrites an ONNX model so that more of its intermediate tensors become graph outputs, which is
 * how onnxruntime lets a caller read them. Every other byte of the model is kept as it was; the
 * new outputs carry only their names, and the runtime infers their types.
 *
 * @internal
 * @param model - The `.onnx` file's bytes.
 * @param names - Tensor names to add as outputs (names already outputs are skipped).
 * @param existingOutputs - The graph's current output names.
 * @returns The rewritten model's bytes.
 */
export function withGraphOutputs(model: Uint8Array, names: readonly string[], existingOutputs: readonly string[]): Uint8Array {
  const additions = [...new Set(names)].filter((name) => !existingOutputs.includes(name));
  const newOutputs = additions.map((name) => {
    const valueInfo = protobuf.Writer.create().uint32((VALUE_INFO_NAME << 3) | 2).string(name).finish();
    return protobuf.Writer.create().uint32((GRAPH_OUTPUT << 3) | 2).bytes(valueInfo).finish();
  });
  const parts = readProtoFields(model).map((field) => {
    if (field.number !== MODEL_GRAPH || field.wireType !== 2) {
      return field.raw;
    }
    const graph = concatenate([field.bytes, ...newOutputs]);
    return protobuf.Writer.create().uint32((MODEL_GRAPH << 3) | 2).bytes(graph).finish();
  });
  return concatenate(parts);
}
