import protobuf from 'protobufjs/minimal.js';
import type { GraphNode } from './GraphNode.js';
import type { NodeAttribute } from './NodeAttribute.js';
import type { WeightTensor } from './WeightTensor.js';

// Field numbers and enum values from onnx.proto.
const MODEL = { irVersion: 1, producerName: 2, graph: 7, opsetImport: 8 } as const;
const OPSET = { domain: 1, version: 2 } as const;
const GRAPH = { node: 1, name: 2, initializer: 5, input: 11, output: 12 } as const;
const NODE = { input: 1, output: 2, name: 3, op: 4, attribute: 5 } as const;
const ATTRIBUTE = { name: 1, f: 2, i: 3, ints: 8, type: 20 } as const;
const ATTRIBUTE_TYPE = { float: 1, int: 2, ints: 7 } as const;
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9 } as const;
const VALUE_INFO = { name: 1, type: 2 } as const;
const TYPE_TENSOR = 1;
const TENSOR_TYPE = { elementType: 1, shape: 2 } as const;
const SHAPE_DIM = 1;
const DIM = { value: 1, param: 2 } as const;
const FLOAT = 1;

const IR_VERSION = 8;
const OPSET_VERSION = 13;

const VARINT = 0;
const FIXED32 = 5;
const LENGTH_DELIMITED = 2;

type Writer = protobuf.Writer;

/** A graph input or output: a float32 tensor, each axis a fixed size or a symbolic name. */
interface DeclaredTensor {
  readonly name: string;
  readonly dims: readonly (number | string)[];
}

/** Everything the encoded model holds. */
interface ModelContents {
  readonly graphName: string;
  readonly nodes: readonly GraphNode[];
  readonly initializers: ReadonlyMap<string, WeightTensor>;
  readonly input: DeclaredTensor;
  readonly output: DeclaredTensor;
}

function tag(writer: Writer, field: number, wireType: number): Writer {
  return writer.uint32((field << 3) | wireType);
}

function stringField(writer: Writer, field: number, value: string): void {
  tag(writer, field, LENGTH_DELIMITED).string(value);
}

function intField(writer: Writer, field: number, value: number): void {
  tag(writer, field, VARINT).int64(value);
}

/** Writes a nested message as a length-delimited field. */
function messageField(writer: Writer, field: number, writeBody: (body: Writer) => void): void {
  tag(writer, field, LENGTH_DELIMITED).fork();
  writeBody(writer);
  writer.ldelim();
}

function writeAttribute(writer: Writer, attribute: NodeAttribute): void {
  stringField(writer, ATTRIBUTE.name, attribute.name);
  if (attribute.kind === 'float') {
    tag(writer, ATTRIBUTE.f, FIXED32).float(attribute.value);
  } else if (attribute.kind === 'int') {
    intField(writer, ATTRIBUTE.i, attribute.value);
  } else {
    attribute.value.forEach((value) => intField(writer, ATTRIBUTE.ints, value));
  }
  intField(writer, ATTRIBUTE.type, ATTRIBUTE_TYPE[attribute.kind]);
}

function writeNode(writer: Writer, node: GraphNode): void {
  node.inputs.forEach((name) => stringField(writer, NODE.input, name));
  node.outputs.forEach((name) => stringField(writer, NODE.output, name));
  stringField(writer, NODE.name, node.name);
  stringField(writer, NODE.op, node.op);
  node.attributes.forEach((attribute) => messageField(writer, NODE.attribute, (body) => writeAttribute(body, attribute)));
}

function littleEndianBytes(data: Float32Array): Uint8Array {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  data.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes;
}

function writeTensor(writer: Writer, name: string, tensor: WeightTensor): void {
  tensor.dims.forEach((dim) => intField(writer, TENSOR.dims, dim));
  intField(writer, TENSOR.dataType, FLOAT);
  stringField(writer, TENSOR.name, name);
  tag(writer, TENSOR.rawData, LENGTH_DELIMITED).bytes(littleEndianBytes(tensor.data));
}

function writeValueInfo(writer: Writer, tensor: DeclaredTensor): void {
  stringField(writer, VALUE_INFO.name, tensor.name);
  messageField(writer, VALUE_INFO.type, (type) =>
    messageField(type, TYPE_TENSOR, (tensorType) => {
      intField(tensorType, TENSOR_TYPE.elementType, FLOAT);
      messageField(tensorType, TENSOR_TYPE.shape, (shape) =>
        tensor.dims.forEach((dim) =>
          messageField(shape, SHAPE_DIM, (dimension) =>
            typeof dim === 'number' ? intField(dimension, DIM.value, dim) : stringField(dimension, DIM.param, dim),
          ),
        ),
      );
    }),
  );
}

function writeGraph(writer: Writer, contents: ModelContents): void {
  contents.nodes.forEach((node) => messageField(writer, GRAPH.node, (body) => writeNode(body, node)));
  stringField(writer, GRAPH.name, contents.graphName);
  contents.initializers.forEach((tensor, name) => messageField(writer, GRAPH.initializer, (body) => writeTensor(body, name, tensor)));
  messageField(writer, GRAPH.input, (body) => writeValueInfo(body, contents.input));
  messageField(writer, GRAPH.output, (body) => writeValueInfo(body, contents.output));
}

/**
 * Encodes a single-input, single-output float32 graph as an ONNX `ModelProto` (IR version 8,
 * default-domain opset 13), field by field with protobufjs's writer.
 *
 * @internal
 * @param contents - The graph's name, nodes in forward order, initializers, input and output.
 * @returns The `.onnx` file's bytes.
 */
export function encodeOnnxModel(contents: ModelContents): Uint8Array {
  const writer = protobuf.Writer.create();
  intField(writer, MODEL.irVersion, IR_VERSION);
  stringField(writer, MODEL.producerName, 'polycam-testing');
  messageField(writer, MODEL.graph, (graph) => writeGraph(graph, contents));
  messageField(writer, MODEL.opsetImport, (opset) => {
    stringField(opset, OPSET.domain, '');
    intField(opset, OPSET.version, OPSET_VERSION);
  });
  return writer.finish();
}
