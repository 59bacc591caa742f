import { PolycamError } from '@polycam/core';
import type { DecodedTensor } from './DecodedTensor.js';
import { onnxFields } from './onnxFields.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';

const { model: MODEL, graph: GRAPH } = onnxFields;

/**
 * Reads every initialiser (weight tensor) of an ONNX model's main graph, for tools that move a
 * model's weights to another format. Float32 initialisers carry their values; others are listed
 * with `values` undefined.
 *
 * @param model - The serialised `ModelProto`.
 * @returns The initialisers by name, in the order the graph stores them.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the bytes are not a
 *   protobuf message, hold no graph, or hold a malformed float initialiser.
 */
export function readInitializers(model: Uint8Array): Map<string, DecodedTensor> {
  const graph = readProtoFields(model).find((field) => field.number === MODEL.graph && field.wireType === 2);
  if (graph === undefined) {
    throw new PolycamError('invalid-model', 'the ONNX model holds no graph');
  }
  const initializers = new Map<string, DecodedTensor>();
  for (const field of readProtoFields(graph.bytes)) {
    if (field.number === GRAPH.initializer && field.wireType === 2) {
      const tensor = readTensorProto(field.bytes);
      initializers.set(tensor.name, tensor);
    }
  }
  return initializers;
}
