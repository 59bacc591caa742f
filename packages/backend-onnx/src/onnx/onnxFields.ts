/**
 * The field numbers of the onnx.proto messages that polycam reads and writes, and the enum
 * values it uses.
 *
 * @internal
 */
export const onnxFields = {
  model: { irVersion: 1, producerName: 2, graph: 7, opsetImport: 8 },
  opset: { domain: 1, version: 2 },
  graph: { node: 1, name: 2, initializer: 5, input: 11, output: 12 },
  node: { input: 1, output: 2, name: 3, op: 4, attribute: 5 },
  attribute: { name: 1, f: 2, i: 3, s: 4, ints: 8, type: 20 },
  attributeType: { float: 1, int: 2, string: 3, ints: 7 },
  tensor: { dims: 1, dataType: 2, name: 8, rawData: 9 },
  dataType: { float: 1, int64: 7 },
  valueInfo: { name: 1, type: 2 },
  type: { tensor: 1 },
  tensorType: { elementType: 1, shape: 2 },
  shape: { dim: 1 },
  dimension: { value: 1, param: 2 },
} as const;
