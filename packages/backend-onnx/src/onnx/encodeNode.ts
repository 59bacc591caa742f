import type { GraphNode } from './GraphNode.js';
import type { NodeAttribute } from './NodeAttribute.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';

const { node: NODE, attribute: ATTRIBUTE, attributeType: TYPE } = onnxFields;

function encodeAttribute(attribute: NodeAttribute): Uint8Array {
  const writer = new ProtoMessageWriter().string(ATTRIBUTE.name, attribute.name);
  switch (attribute.kind) {
    case 'float':
      writer.float(ATTRIBUTE.f, attribute.value);
      break;
    case 'int':
      writer.int(ATTRIBUTE.i, attribute.value);
      break;
    case 'string':
      writer.bytes(ATTRIBUTE.s, new TextEncoder().encode(attribute.value));
      break;
    case 'ints':
      attribute.value.forEach((value) => writer.int(ATTRIBUTE.ints, value));
      break;
  }
  return writer.int(ATTRIBUTE.type, TYPE[attribute.kind]).finish();
}

/**
 * Encodes a node as an ONNX `NodeProto`.
 *
 * @internal
 * @returns The message's bytes.
 */
export function encodeNode(node: GraphNode): Uint8Array {
  const writer = new ProtoMessageWriter();
  node.inputs.forEach((name) => writer.string(NODE.input, name));
  node.outputs.forEach((name) => writer.string(NODE.output, name));
  writer.string(NODE.name, node.name).string(NODE.op, node.op);
  node.attributes.forEach((attribute) => writer.bytes(NODE.attribute, encodeAttribute(attribute)));
  return writer.finish();
}
