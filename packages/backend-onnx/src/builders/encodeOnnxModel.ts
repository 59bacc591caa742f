import { encodeNode } from '../onnx/encodeNode.js';
import { encodeTensor } from '../onnx/encodeTensor.js';
import { encodeValueInfo } from '../onnx/encodeValueInfo.js';
import type { GraphNode } from '../onnx/GraphNode.js';
import { onnxFields } from '../onnx/onnxFields.js';
import { ProtoMessageWriter } from '../onnx/ProtoMessageWriter.js';
import type { WeightTensor } from './WeightTensor.js';

const IR_VERSION = 8;
const OPSET_VERSION = 13;

/** A graph input or output: a float32 tensor, each axis a fixed size or a symbolic name. */
interface DeclaredTensor {
  readonly name: string;
  readonly dims: readonly (number | string)[];
}

/** Everything the encoded model holds. */
interface ModelContents {
  readonly graphName: string;
  readonly nodes: readonly GraphNode[];
  readonly initializers: ReadonlyMap<string, WeightTensor | { readonly dims: readonly number[]; readonly data: BigInt64Array }>;
  readonly input: DeclaredTensor;
  readonly output: DeclaredTensor;
}

/**
 * Encodes a single-input, single-output float32 graph as an ONNX `ModelProto` (IR version 8,
 * default-domain opset 13).
 *
 * @internal
 * @param contents - The graph's name, nodes in forward order, initializers, input and output.
 * @returns The `.onnx` file's bytes.
 */
export function encodeOnnxModel(contents: ModelContents): Uint8Array {
  const { model: MODEL, graph: GRAPH, opset: OPSET } = onnxFields;
  const graph = new ProtoMessageWriter();
  contents.nodes.forEach((node) => graph.bytes(GRAPH.node, encodeNode(node)));
  graph.string(GRAPH.name, contents.graphName);
  contents.initializers.forEach((tensor, name) => graph.bytes(GRAPH.initializer, encodeTensor(name, tensor.dims, tensor.data)));
  graph.bytes(GRAPH.input, encodeValueInfo(contents.input.name, contents.input.dims));
  graph.bytes(GRAPH.output, encodeValueInfo(contents.output.name, contents.output.dims));
  const opset = new ProtoMessageWriter().string(OPSET.domain, '').int(OPSET.version, OPSET_VERSION).finish();
  return new ProtoMessageWriter()
    .int(MODEL.irVersion, IR_VERSION)
    .string(MODEL.producerName, 'polycam-testing')
    .bytes(MODEL.graph, graph.finish())
    .bytes(MODEL.opsetImport, opset)
    .finish();
}
