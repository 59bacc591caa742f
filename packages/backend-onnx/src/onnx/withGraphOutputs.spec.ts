import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { readProtoFields } from './readProtoFields.js';
import { withGraphOutputs } from './withGraphOutputs.js';

const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url))));
const RELU_1 = '/features/features.1/Relu_output_0';
const POOL_14 = '/features/features.14/MaxPool_output_0';

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/** Reads a base-128 varint at `offset`; returns its value and the offset after it. */
function varintAt(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  let scale = 1;
  let position = offset;
  for (;;) {
    const byte = bytes[position]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    position += 1;
    if (byte < 0x80) return [value, position];
  }
}

describe('withGraphOutputs', () => {
  it('keeps every original byte but the graph\'s length, and appends one name-only output per new tensor', () => {
    const rewritten = withGraphOutputs(fixture, [RELU_1, POOL_14, 'logits', RELU_1], ['logits']);
    const before = readProtoFields(fixture);
    const after = readProtoFields(rewritten);
    expect(after.map((field) => field.number)).toEqual(before.map((field) => field.number));
    before.forEach((field, index) => {
      if (field.number !== 7) expect(same(after[index]!.raw, field.raw)).toBe(true);
    });
    const oldGraph = before.find((field) => field.number === 7)!;
    const newGraph = after.find((field) => field.number === 7)!;
    const oldFields = readProtoFields(oldGraph.bytes);
    const newFields = readProtoFields(newGraph.bytes);
    expect(newFields).toHaveLength(oldFields.length + 2);
    oldFields.forEach((field, index) => expect(same(newFields[index]!.raw, field.raw)).toBe(true));
    const added = newFields.slice(oldFields.length);
    expect(added.map((field) => field.number)).toEqual([12, 12]);
    for (const [index, name] of [RELU_1, POOL_14].entries()) {
      const valueInfo = readProtoFields(added[index]!.bytes);
      expect(valueInfo.map((field) => field.number)).toEqual([1]); // a name and nothing else
      expect(new TextDecoder().decode(valueInfo[0]!.bytes)).toBe(name);
    }

    // Byte by byte: the fields before the graph, its tag, a new length, the old payload, the
    // additions, then the fields after it.
    const graphStart = before.slice(0, before.indexOf(oldGraph)).reduce((sum, field) => sum + field.raw.length, 0);
    expect(same(rewritten.subarray(0, graphStart), fixture.subarray(0, graphStart))).toBe(true);
    expect(rewritten[graphStart]).toBe(fixture[graphStart]);
    const [length, payloadStart] = varintAt(rewritten, graphStart + 1);
    const [, oldPayloadStart] = varintAt(fixture, graphStart + 1);
    const addedBytes = added.reduce((sum, field) => sum + field.raw.length, 0);
    expect(length).toBe(oldGraph.bytes.length + addedBytes);
    expect(same(rewritten.subarray(payloadStart, payloadStart + oldGraph.bytes.length), oldGraph.bytes)).toBe(true);
    const oldTail = fixture.subarray(oldPayloadStart + oldGraph.bytes.length);
    expect(same(rewritten.subarray(rewritten.length - oldTail.length), oldTail)).toBe(true);
    expect(rewritten.length).toBe(fixture.length + addedBytes + (payloadStart - oldPayloadStart));
  });

  it('gives back the same bytes when every name is already an output', () => {
    expect(same(withGraphOutputs(fixture, ['logits'], ['logits']), fixture)).toBe(true);
    expect(same(withGraphOutputs(fixture, [], ['logits']), fixture)).toBe(true);
  });

  it('makes a model whose added outputs onnxruntime computes', async () => {
    const session = await ort.InferenceSession.create(withGraphOutputs(fixture, [RELU_1, POOL_14], ['logits']));
    try {
      expect(session.outputNames).toEqual(['logits', RELU_1, POOL_14]);
      const input = new ort.Tensor('float32', new Float32Array(2 * 3 * 128 * 128).fill(0.25), [2, 3, 128, 128]);
      const result = await session.run({ input });
      expect(result[RELU_1]!.dims).toEqual([2, 16, 128, 128]);
      expect(result[POOL_14]!.dims).toEqual([2, 128, 4, 4]);
      expect((result[RELU_1]!.data as Float32Array).every((value) => value >= 0)).toBe(true);
      expect(result['logits']!.dims).toEqual([2, 10]);
    } finally {
      await session.release();
    }
  });
});
