import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { PolycamError, type ModelBackend } from '@polycam/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatenateBytes } from './concatenateBytes.js';
import { encodeTensor } from './encodeTensor.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';
import { withGraphOutputs } from './withGraphOutputs.js';
import { OnnxWeightRandomizer } from './OnnxWeightRandomizer.js';
import { randomImages } from '../onnxSpec.testkit.js';
import { encodeOnnxModel } from '../builders/encodeOnnxModel.js';

const fixturePath = fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url));
const TINY_LAYERS = ['/features/features.0/Conv', '/features/features.3/Conv', '/features/features.6/Conv', '/classifier/Gemm'];

async function rejectionOf(promise: Promise<unknown>): Promise<PolycamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PolycamError);
    return error as PolycamError;
  }
  throw new Error('the promise resolved');
}

/** The float values of each initializer of a model, by name. */
function weightsOf(model: Uint8Array): Map<string, Float32Array | undefined> {
  const graph = readProtoFields(model).find((field) => field.number === 7)!;
  return new Map(
    readProtoFields(graph.bytes)
      .filter((field) => field.number === 5)
      .map((field) => readTensorProto(field.bytes))
      .map((tensor) => [tensor.name, tensor.values]),
  );
}

/**
 * A graph that exercises the rules without onnxruntime: an unnamed MatMul, its bias added by a
 * separate Add, a Reshape with an int64 shape, a named Conv with kernel and bias, and a Mul by a
 * float scalar.
 */
function ruleModel(): Uint8Array {
  const node = (name: string, op: string, inputs: string[], output: string): Parameters<typeof encodeOnnxModel>[0]['nodes'][number] => ({
    name,
    op,
    inputs,
    outputs: [output],
    attributes: [],
  });
  const weights = new Map([
    ['w', { dims: [6, 4], data: Float32Array.from({ length: 24 }, (_, index) => index) }],
    ['b', { dims: [4], data: Float32Array.of(1, 2, 3, 4) }],
    ['k', { dims: [2, 1, 1, 1], data: Float32Array.of(0.5, -0.5) }],
    ['kb', { dims: [2], data: Float32Array.of(0.1, 0.2) }],
    ['s', { dims: [], data: Float32Array.of(3) }],
  ]);
  const model = encodeOnnxModel({
    graphName: 'rules',
    nodes: [
      node('', 'MatMul', ['input', 'w'], '/mm/MatMul_output_0'),
      node('bias_add', 'Add', ['/mm/MatMul_output_0', 'b'], 'added'),
      node('reshape', 'Reshape', ['added', 'shape'], 'reshaped'),
      node('conv', 'Conv', ['reshaped', 'k', 'kb'], 'convolved'),
      node('scale', 'Mul', ['convolved', 's'], 'logits'),
    ],
    initializers: weights,
    input: { name: 'input', dims: [1, 6] },
    output: { name: 'logits', dims: [1, 2, 2, 1] },
  });
  // encodeOnnxModel writes float tensors only; add the int64 shape by hand, as an initializer.
  return withExtraInitializer(model, encodeTensor('shape', [4], BigInt64Array.of(1n, 1n, 4n, 1n)));
}

function withExtraInitializer(model: Uint8Array, tensor: Uint8Array): Uint8Array {
  const initializer = new ProtoMessageWriter().bytes(5, tensor).finish();
  return concatenateBytes(
    readProtoFields(model).map((field) => (field.number === 7 ? new ProtoMessageWriter().bytes(7, concatenateBytes([field.bytes, initializer])).finish() : field.raw)),
  );
}

describe('OnnxWeightRandomizer', () => {
  describe('on a graph built to exercise its rules', () => {
    const model = ruleModel();
    const loaded: Uint8Array[] = [];
    const randomizer = new OnnxWeightRandomizer(model, summarizeOnnxModel(model), (bytes) => {
      loaded.push(bytes);
      return Promise.resolve({ id: 'fake' } as ModelBackend);
    });

    it('lists the nodes that read float weights of rank 2 or more, an unnamed node by its first output', () => {
      expect(summarizeOnnxModel(model).initializers).toEqual(new Set(['w', 'b', 'k', 'kb', 's', 'shape']));
      expect(randomizer.parameterizedLayers).toEqual(['/mm/MatMul_output_0', 'conv']);
    });

    it('redraws exactly the float initializers that the chosen nodes read, and loads the result', async () => {
      const original = weightsOf(model);
      const changedBy = async (layers: string[]): Promise<string[]> => {
        loaded.length = 0;
        expect(await randomizer.randomized(layers, 4)).toEqual({ id: 'fake' });
        expect(loaded).toHaveLength(1);
        const after = weightsOf(loaded[0]!);
        return [...original.keys()].filter((name) => JSON.stringify(after.get(name)) !== JSON.stringify(original.get(name)));
      };
      expect(await changedBy(['/mm/MatMul_output_0'])).toEqual(['w']); // not the bias of the separate Add
      expect(await changedBy(['conv'])).toEqual(['k', 'kb']);
      expect(await changedBy(['conv', '/mm/MatMul_output_0'])).toEqual(['w', 'k', 'kb']);
      expect(await changedBy([])).toEqual([]);
    });

    it('rejects a name that holds no weights, before loading anything', async () => {
      loaded.length = 0;
      const error = await rejectionOf(randomizer.randomized(['conv', 'bias_add'], 1));
      expect(error.kind).toBe('unknown-layer');
      expect(error.message).toContain("'bias_add'");
      expect(error.message).toContain('conv');
      expect(loaded).toHaveLength(0);
      expect((await rejectionOf(randomizer.randomized(['conv'], Number.NaN))).kind).toBe('invalid-argument');
    });
  });

  describe('on the ONNX backend', () => {
    let original: OnnxBackend;
    beforeAll(async () => {
      original = await OnnxBackend.load({ bytes: buildTinyCnn() });
    });
    afterAll(async () => {
      await original?.dispose();
    });

    it('is declared as the weight-randomization capability', () => {
      expect(original.capabilities.has('weight-randomization')).toBe(true);
      expect(original.weightRandomizer).toBeInstanceOf(OnnxWeightRandomizer);
    });

    it('lists the tiny CNN\'s three convolutions and its Gemm, in order', () => {
      expect(original.weightRandomizer.parameterizedLayers).toEqual(TINY_LAYERS);
    });

    it('lists the reference fixture\'s five convolutions and its classifier', async () => {
      const fixture = await OnnxBackend.load({ path: fixturePath });
      try {
        expect(fixture.weightRandomizer.parameterizedLayers).toEqual([
          ...[0, 3, 6, 9, 12].map((layer) => `/features/features.${layer}/Conv`),
          '/classifier/Gemm',
        ]);
      } finally {
        await fixture.dispose();
      }
    });

    it('loads a backend whose outputs differ, and leaves the original as it was', async () => {
      const images = randomImages(3, [3, 32, 32], 4);
      const before = (await original.run({ input: images })).output.data.slice();
      const randomized = await original.weightRandomizer.randomized(TINY_LAYERS, 1);
      try {
        expect(randomized).toBeInstanceOf(OnnxBackend);
        expect(randomized.description).toEqual(original.description);
        expect([...randomized.capabilities].sort()).toEqual([...original.capabilities].sort());
        const outputs = (await randomized.run({ input: images })).output.data;
        expect(outputs.every(Number.isFinite)).toBe(true);
        const changed = outputs.filter((value, index) => Math.abs(value - before[index]!) > 1e-4).length;
        expect(changed).toBe(outputs.length);
        expect((await original.run({ input: images })).output.data).toEqual(before);
      } finally {
        await randomized.dispose();
      }
      expect((await original.run({ input: images })).output.data).toEqual(before);
    });

    it('changes nothing before the randomised layer: the taps of earlier layers are identical', async () => {
      const images = randomImages(2, [3, 32, 32], 5);
      const taps = original.description.layers.map((layer) => layer.name);
      const reference = await original.run({ input: images, taps });
      for (const [layer, firstChanged] of [
        ['/classifier/Gemm', 'logits'],
        ['/features/features.6/Conv', '/features/features.6/Conv_output_0'],
      ] as const) {
        const randomized = await original.weightRandomizer.randomized([layer], 2);
        try {
          const result = await randomized.run({ input: images, taps });
          const boundary = taps.indexOf(firstChanged);
          taps.forEach((tap, index) => {
            const [mine, theirs] = [result.activations.get(tap)!.data, reference.activations.get(tap)!.data];
            if (index < boundary) expect(mine).toEqual(theirs);
            else expect(mine).not.toEqual(theirs);
          });
          expect(result.output.data).not.toEqual(reference.output.data);
        } finally {
          await randomized.dispose();
        }
      }
    });

    it('is deterministic for a seed and differs across seeds', async () => {
      const images = randomImages(1, [3, 32, 32], 6);
      const outputs: Float32Array[] = [];
      for (const seed of [3, 3, 4]) {
        const randomized = await original.weightRandomizer.randomized(['/features/features.3/Conv'], seed);
        try {
          outputs.push((await randomized.run({ input: images })).output.data);
        } finally {
          await randomized.dispose();
        }
      }
      expect(outputs[1]).toEqual(outputs[0]);
      expect(outputs[2]).not.toEqual(outputs[0]);
    });

    it('loads the copy with the original\'s load options', async () => {
      // A second graph output, picked with the `output` option, must stay the explained one.
      const bytes = withGraphOutputs(buildTinyCnn(), ['/Flatten_output_0'], ['logits']);
      const withOutput = await OnnxBackend.load({ bytes }, { output: '/Flatten_output_0', threads: 1 });
      try {
        expect(withOutput.description.output.size).toBe(16);
        const randomized = await withOutput.weightRandomizer.randomized(['/features/features.0/Conv'], 1);
        try {
          expect(randomized.description.output.size).toBe(16);
        } finally {
          await randomized.dispose();
        }
      } finally {
        await withOutput.dispose();
      }
    });

    it('rejects names that are not parameterized layers with unknown-layer and the nearest names', async () => {
      const relu = await rejectionOf(original.weightRandomizer.randomized(['/features/features.3/Relu'], 1));
      expect(relu.kind).toBe('unknown-layer');
      expect(relu.message).toMatch(/'\/features\/features\.3\/Relu' holds no weights; nearest parameterized layers: \/features\/features\.3\/Conv/);
      const tensor = await rejectionOf(original.weightRandomizer.randomized(['/classifier/Gemm', 'classifier.weight'], 1));
      expect(tensor.kind).toBe('unknown-layer');
      expect(tensor.message).toContain("'classifier.weight'");
    });
  });
});
