import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '@polycam/core';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { describe, expect, it } from 'vitest';
import { encodeTensor } from './encodeTensor.js';
import type { ProtoField } from './ProtoField.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';
import { withRandomizedInitializers } from './withRandomizedInitializers.js';

const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url))));

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function graphFields(model: Uint8Array): ProtoField[] {
  return readProtoFields(readProtoFields(model).find((field) => field.number === 7)!.bytes);
}

/** The decoded initializers by name. */
function initializers(model: Uint8Array): Map<string, ReturnType<typeof readTensorProto>> {
  return new Map(
    graphFields(model)
      .filter((field) => field.number === 5)
      .map((field) => readTensorProto(field.bytes))
      .map((tensor) => [tensor.name, tensor]),
  );
}

/** A ModelProto whose graph holds only the given initializers: enough for the rewrite. */
function modelOf(...tensors: Uint8Array[]): Uint8Array {
  const graph = new ProtoMessageWriter();
  tensors.forEach((tensor) => graph.bytes(5, tensor));
  return new ProtoMessageWriter().int(1, 8).bytes(7, graph.finish()).finish();
}

function statistics(values: Float32Array): { mean: number; std: number; withinOneStd: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const std = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  const withinOneStd = values.filter((value) => Math.abs(value - mean) <= std).length / values.length;
  return { mean, std, withinOneStd };
}

describe('withRandomizedInitializers', () => {
  for (const [label, model, names] of [
    ['the tiny CNN', buildTinyCnn(), ['features.3.weight', 'features.3.bias', 'classifier.weight']],
    ['the reference fixture', fixture, ['features.0.weight', 'features.12.bias']],
  ] as const) {
    it(`changes exactly the named tensors of ${label}, and only their values`, () => {
      const rewritten = withRandomizedInitializers(model, names, 5);
      // Outside the graph, every field is kept byte for byte.
      const before = readProtoFields(model);
      const after = readProtoFields(rewritten);
      expect(after.map((field) => field.number)).toEqual(before.map((field) => field.number));
      before.forEach((field, index) => {
        if (field.number !== 7) expect(same(after[index]!.raw, field.raw)).toBe(true);
      });
      // Inside it, every field but the named initializers is kept byte for byte, in place.
      const oldGraph = graphFields(model);
      const newGraph = graphFields(rewritten);
      expect(newGraph.map((field) => field.number)).toEqual(oldGraph.map((field) => field.number));
      let changed = 0;
      oldGraph.forEach((field, index) => {
        const named = field.number === 5 && (names as readonly string[]).includes(readTensorProto(field.bytes).name);
        if (!named) {
          expect(same(newGraph[index]!.raw, field.raw)).toBe(true);
          return;
        }
        changed += 1;
        const [oldTensor, newTensor] = [readTensorProto(field.bytes), readTensorProto(newGraph[index]!.bytes)];
        expect({ ...newTensor, values: undefined }).toEqual({ ...oldTensor, values: undefined });
        expect(newTensor.values).toHaveLength(oldTensor.values!.length);
        expect(newTensor.values!.some((value, position) => value !== oldTensor.values![position])).toBe(true);
        // The tensor's other fields (name, dims, type) are kept as they were.
        const withoutData = (bytes: Uint8Array): Buffer[] =>
          readProtoFields(bytes)
            .filter((entry) => entry.number !== 9)
            .map((entry) => Buffer.from(entry.raw));
        expect(withoutData(newGraph[index]!.bytes)).toEqual(withoutData(field.bytes));
      });
      expect(changed).toBe(names.length);
    });
  }

  it('draws Gaussian values with the mean and standard deviation of the original tensor', () => {
    // Uniform values on [1, 5]: mean 3, standard deviation 2/√3, and 57.7 % within one std.
    const random = seededRandom(3);
    const original = Float32Array.from({ length: 100_000 }, () => 1 + 4 * random());
    const before = statistics(original);
    expect(before.withinOneStd).toBeCloseTo(1 / Math.sqrt(3), 2);
    const rewritten = withRandomizedInitializers(modelOf(encodeTensor('big', [400, 250], original)), ['big'], 9);
    const tensor = initializers(rewritten).get('big')!;
    expect(tensor.dims).toEqual([400, 250]);
    const after = statistics(tensor.values!);
    expect(after.mean).toBeCloseTo(before.mean, 1.5); // |Δ| < 0.016, about 4 standard errors
    expect(after.std / before.std).toBeGreaterThan(0.99);
    expect(after.std / before.std).toBeLessThan(1.01);
    expect(after.withinOneStd).toBeCloseTo(0.6827, 2); // a Gaussian's share, not a uniform's
    expect(tensor.values!.some((value) => value < 1 || value > 5)).toBe(true); // tails beyond the old range
  });

  it('keeps the value of a scalar and of a constant tensor', () => {
    const model = modelOf(encodeTensor('scalar', [], Float32Array.of(0.75)), encodeTensor('constant', [2, 3], new Float32Array(6).fill(-1.25)));
    const tensors = initializers(withRandomizedInitializers(model, ['scalar', 'constant'], 1));
    expect(tensors.get('scalar')!.values).toEqual(Float32Array.of(0.75));
    expect(tensors.get('constant')!.values).toEqual(new Float32Array(6).fill(-1.25));
  });

  it('is deterministic for a seed, differs across seeds, and draws each tensor independently of the others', () => {
    const model = buildTinyCnn();
    const first = withRandomizedInitializers(model, ['features.0.weight', 'classifier.weight'], 7);
    expect(same(withRandomizedInitializers(model, ['features.0.weight', 'classifier.weight'], 7), first)).toBe(true);
    const other = initializers(withRandomizedInitializers(model, ['features.0.weight', 'classifier.weight'], 8)).get('classifier.weight')!;
    expect(other.values).not.toEqual(initializers(first).get('classifier.weight')!.values);
    // In another order, or alone: the same values for the same seed and name.
    const reordered = initializers(withRandomizedInitializers(model, ['classifier.weight', 'features.0.weight'], 7));
    const alone = initializers(withRandomizedInitializers(model, ['classifier.weight'], 7));
    expect(reordered.get('classifier.weight')!.values).toEqual(initializers(first).get('classifier.weight')!.values);
    expect(alone.get('classifier.weight')!.values).toEqual(initializers(first).get('classifier.weight')!.values);
    expect(reordered.get('features.0.weight')!.values).toEqual(initializers(first).get('features.0.weight')!.values);
    // Two tensors of the same shape get different draws.
    const [a, b] = ['features.3.weight', 'features.6.weight'];
    const both = initializers(withRandomizedInitializers(buildTinyCnn({ seed: 1 }), [a, b], 7));
    expect(both.get(a)!.values!.subarray(0, 50)).not.toEqual(both.get(b)!.values!.subarray(0, 50));
  });

  it('writes a float_data tensor back as raw_data, keeping its other fields', () => {
    const tensor = new ProtoMessageWriter().int(1, 4).int(2, 1).string(8, 'loose').string(12, 'a doc string');
    [1, 2, 3, 4].forEach((value) => tensor.float(4, value));
    const rewritten = initializers(withRandomizedInitializers(modelOf(tensor.finish()), ['loose'], 2));
    const read = rewritten.get('loose')!;
    expect(read.dims).toEqual([4]);
    expect(read.values).toHaveLength(4);
    expect(read.values).not.toEqual(Float32Array.of(1, 2, 3, 4));
    const graph = graphFields(withRandomizedInitializers(modelOf(tensor.finish()), ['loose'], 2));
    expect(readProtoFields(graph[0]!.bytes).map((field) => field.number)).toEqual([1, 2, 8, 12, 9]);
  });

  it('gives back the same bytes when no name is given', () => {
    expect(same(withRandomizedInitializers(fixture, [], 1), fixture)).toBe(true);
  });

  it('rejects a name that is no float initializer', () => {
    const model = modelOf(encodeTensor('shape', [2], BigInt64Array.of(1n, 2n)), encodeTensor('w', [2], Float32Array.of(1, 2)));
    expect(() => withRandomizedInitializers(model, ['w', 'shape', 'nothing'], 1)).toThrow("no float32 initializer named 'shape', 'nothing'");
  });
});
