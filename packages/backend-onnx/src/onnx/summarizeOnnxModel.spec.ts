import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { concatenateBytes } from './concatenateBytes.js';
import { encodeValueInfo } from './encodeValueInfo.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';

const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url))));
const { model: MODEL, graph: GRAPH } = onnxFields;

/** Appends fields to a model's graph. */
function withGraphFields(model: Uint8Array, extra: Uint8Array[]): Uint8Array {
  return concatenateBytes(
    readProtoFields(model).map((field) =>
      field.number === MODEL.graph ? new ProtoMessageWriter().bytes(MODEL.graph, concatenateBytes([field.bytes, ...extra])).finish() : field.raw,
    ),
  );
}

describe('summarizeOnnxModel', () => {
  it('reads the fixture: its one real input, its output, its nodes in order and its weights', async () => {
    const summary = summarizeOnnxModel(fixture);
    expect(summary.inputs).toEqual([{ name: 'input', elementType: 1, dims: ['batch', 3, 128, 128] }]);
    expect(summary.outputs).toEqual([{ name: 'logits', elementType: 1, dims: ['batch', 10] }]);
    // onnxruntime agrees on the inputs and outputs.
    const session = await ort.InferenceSession.create(fixture);
    expect(session.inputNames).toEqual(summary.inputs.map((input) => input.name));
    expect(session.outputNames).toEqual(summary.outputs.map((output) => output.name));
    await session.release();

    // (Conv, ReLU, MaxPool) × 5 as features.0..14, then the head; each node feeds the next.
    const convs = [0, 3, 6, 9, 12];
    const features = Array.from({ length: 15 }, (_, index) => {
      const op = ['Conv', 'Relu', 'MaxPool'][index % 3]!;
      return { name: `/features/features.${index}/${op}`, op };
    });
    const expected = [...features, { name: '/avgpool/GlobalAveragePool', op: 'GlobalAveragePool' }, { name: '/flatten/Flatten', op: 'Flatten' }, { name: '/classifier/Gemm', op: 'Gemm' }];
    expect(summary.nodes.map(({ name, op }) => ({ name, op }))).toEqual(expected);
    summary.nodes.forEach((node, index) => {
      expect(node.outputs).toEqual([index === summary.nodes.length - 1 ? 'logits' : `${node.name}_output_0`]);
      const data = index === 0 ? 'input' : summary.nodes[index - 1]!.outputs[0];
      expect(node.inputs[0]).toBe(data);
    });
    expect(summary.nodes[3]!.inputs).toEqual(['/features/features.2/MaxPool_output_0', 'features.3.weight', 'features.3.bias']);
    expect(summary.nodes.at(-1)!.inputs).toEqual(['/flatten/Flatten_output_0', 'classifier.weight', 'classifier.bias']);
    expect([...summary.initializers]).toEqual([...convs.flatMap((index) => [`features.${index}.weight`, `features.${index}.bias`]), 'classifier.weight', 'classifier.bias']);
  });

  it('leaves out initializers that are also listed as inputs, as older exporters write them', () => {
    const model = buildTinyCnn();
    const weights = [...summarizeOnnxModel(model).initializers];
    const listed = withGraphFields(
      model,
      weights.map((name) => new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(name, [1])).finish()),
    );
    const graph = readProtoFields(readProtoFields(listed).find((field) => field.number === MODEL.graph)!.bytes);
    expect(graph.filter((field) => field.number === GRAPH.input)).toHaveLength(1 + weights.length);
    expect(summarizeOnnxModel(listed).inputs.map((input) => input.name)).toEqual(['input']);
  });

  it('reads fixed, symbolic and unknown axes, and inputs without a type', () => {
    const unknownAxis = new ProtoMessageWriter().finish();
    const shape = new ProtoMessageWriter()
      .bytes(1, new ProtoMessageWriter().int(1, 7).finish())
      .bytes(1, new ProtoMessageWriter().string(2, 'height').finish())
      .bytes(1, unknownAxis)
      .finish();
    const tensorType = new ProtoMessageWriter().int(1, 10).bytes(2, shape).finish(); // float16
    const typed = new ProtoMessageWriter().string(1, 'typed').bytes(2, new ProtoMessageWriter().bytes(1, tensorType).finish()).finish();
    const untyped = new ProtoMessageWriter().string(1, 'untyped').finish();
    const model = new ProtoMessageWriter()
      .bytes(MODEL.graph, new ProtoMessageWriter().bytes(GRAPH.input, typed).bytes(GRAPH.input, untyped).bytes(GRAPH.output, untyped).finish())
      .finish();
    const summary = summarizeOnnxModel(model);
    expect(summary.inputs).toEqual([
      { name: 'typed', elementType: 10, dims: [7, 'height', undefined] },
      { name: 'untyped', elementType: 0, dims: [] },
    ]);
    expect(summary.outputs).toEqual([{ name: 'untyped', elementType: 0, dims: [] }]);
    expect(summary.nodes).toEqual([]);
  });

  it('refuses bytes that hold no graph', () => {
    expect(() => summarizeOnnxModel(new Uint8Array(0))).toThrow(/no ONNX graph/);
    expect(() => summarizeOnnxModel(new ProtoMessageWriter().int(MODEL.irVersion, 8).finish())).toThrow(/no ONNX graph/);
    expect(() => summarizeOnnxModel(fixture.subarray(0, 1000))).toThrow();
  });
});
