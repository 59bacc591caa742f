import { PolycamError } from '@polycam/core';
import type { OnnxModelSummary, OnnxNodeInfo, OnnxValueInfo } from './OnnxModelSummary.js';
import { onnxFields } from './onnxFields.js';
import { readProtoFields } from './readProtoFields.js';

const { model: MODEL, opset: OPSET, graph: GRAPH, node: NODE, tensor: TENSOR, valueInfo: VALUE_INFO, tensorType: TENSOR_TYPE, dimension: DIM } = onnxFields;
const TYPE_TENSOR = onnxFields.type.tensor;
const SHAPE_DIM = onnxFields.shape.dim;

const text = new TextDecoder();

function strings(message: Uint8Array, field: number): string[] {
  return readProtoFields(message)
    .filter((entry) => entry.number === field && entry.wireType === 2)
    .map((entry) => text.decode(entry.bytes));
}

function messages(message: Uint8Array, field: number): Uint8Array[] {
  return readProtoFields(message)
    .filter((entry) => entry.number === field && entry.wireType === 2)
    .map((entry) => entry.bytes);
}

function valueInfo(bytes: Uint8Array): OnnxValueInfo {
  const name = strings(bytes, VALUE_INFO.name)[0] ?? '';
  const tensorType = messages(bytes, VALUE_INFO.type).flatMap((type) => messages(type, TYPE_TENSOR))[0];
  if (tensorType === undefined) {
    return { name, elementType: 0, dims: [] };
  }
  const fields = readProtoFields(tensorType);
  const elementType = fields.find((entry) => entry.number === TENSOR_TYPE.elementType)?.varint ?? 0;
  const shape = fields.find((entry) => entry.number === TENSOR_TYPE.shape)?.bytes;
  const dims = (shape === undefined ? [] : messages(shape, SHAPE_DIM)).map((dim) => {
    const dimFields = readProtoFields(dim);
    const value = dimFields.find((entry) => entry.number === DIM.value && entry.wireType === 0);
    if (value !== undefined) return value.varint > 0 ? value.varint : undefined;
    const param = dimFields.find((entry) => entry.number === DIM.param && entry.wireType === 2);
    return param === undefined ? undefined : text.decode(param.bytes);
  });
  return { name, elementType, dims };
}

function node(bytes: Uint8Array): OnnxNodeInfo {
  return {
    name: strings(bytes, NODE.name)[0] ?? '',
    op: strings(bytes, NODE.op)[0] ?? '',
    inputs: strings(bytes, NODE.input),
    outputs: strings(bytes, NODE.output),
  };
}

/**
 * Reads the parts of an ONNX `ModelProto` that polycam needs: the graph's real inputs, its
 * outputs, its nodes in order and its initialiser names.
 *
 * @param model - The `.onnx` file's bytes.
 * @returns The summary.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the bytes are not an
 *   ONNX model with a graph.
 */
export function summarizeOnnxModel(model: Uint8Array): OnnxModelSummary {
  const graph = messages(model, MODEL.graph)[0];
  if (graph === undefined) {
    throw new PolycamError('invalid-model', 'the file holds no ONNX graph');
  }
  const fields = readProtoFields(graph);
  const payloads = (field: number): Uint8Array[] =>
    fields.filter((entry) => entry.number === field && entry.wireType === 2).map((entry) => entry.bytes);
  // A reduce, not Math.max(...): a file may hold more opset entries than a call takes arguments.
  const opset = messages(model, MODEL.opsetImport)
    .map((entry) => {
      const fields = readProtoFields(entry);
      const domain = fields.find((field) => field.number === OPSET.domain && field.wireType === 2);
      const isDefault = domain === undefined || ['', 'ai.onnx'].includes(text.decode(domain.bytes));
      return isDefault ? (fields.find((field) => field.number === OPSET.version)?.varint ?? 0) : 0;
    })
    .reduce((highest, version) => Math.max(highest, version), 0);
  const initializers = new Set(payloads(GRAPH.initializer).map((tensor) => strings(tensor, TENSOR.name)[0] ?? ''));
  return {
    inputs: payloads(GRAPH.input).map(valueInfo).filter((input) => !initializers.has(input.name)),
    outputs: payloads(GRAPH.output).map(valueInfo),
    nodes: payloads(GRAPH.node).map(node),
    initializers,
    opset,
  };
}
