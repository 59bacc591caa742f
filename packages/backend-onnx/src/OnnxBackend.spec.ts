import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn, OnnxGraphBuilder } from '@polycam/backend-onnx/builders';
import { PolycamError, seededRandom, type LayerInfo, type ModelBackend, type Tensor } from '@polycam/core';
import { rejectionKindOf } from '@polycam/core/testing';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNode } from './onnx/encodeNode.js';
import { encodeValueInfo } from './onnx/encodeValueInfo.js';
import type { GraphNode } from './onnx/GraphNode.js';
import { onnxFields } from './onnx/onnxFields.js';
import { ProtoMessageWriter } from './onnx/ProtoMessageWriter.js';
import { withGraphOutputs } from './onnx/withGraphOutputs.js';
import { randomImages, maxRelativeDifference } from './onnxSpec.testkit.js';

const fixtureDirectory = fileURLToPath(new URL('../../../fixtures/reference-smallvgg/', import.meta.url));
const fixtureModel = join(fixtureDirectory, 'model.onnx');
const fixtureJson = JSON.parse(readFileSync(join(fixtureDirectory, 'fixture.json'), 'utf8')) as {
  input_size: number;
  input_name: string;
  output_name: string;
  class_index: number;
  layers: string[];
};

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the promise resolved');
}

async function expectKind(promise: Promise<unknown>, kind: string): Promise<PolycamError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(PolycamError);
  expect((error as PolycamError).kind).toBe(kind);
  return error as PolycamError;
}

/** The per-image slice `index` of a batched tensor. */
function row(tensor: { readonly shape: readonly number[]; readonly data: Float32Array }, index: number): Float32Array {
  const size = tensor.shape.slice(1).reduce((product, axis) => product * axis, 1);
  return tensor.data.subarray(index * size, (index + 1) * size);
}

// A small CNN with a residual branch, built layer by layer; `stopAt` ends the graph at that
// tensor, which becomes the model's output. The builder draws weights in call order, so a
// truncated model holds exactly the weights of the same layers of the full one.
const SIZE = 20;
const NET_SEED = 21;
const CLASSES = 5;

interface BranchyNet {
  readonly bytes: Uint8Array;
  readonly weights: ReadonlyMap<string, { readonly data: Float32Array }>;
}

function buildBranchyNet(batch: number | 'batch', stopAt?: string): BranchyNet {
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, SIZE, SIZE], seed: NET_SEED });
  const done = (tensor: string): BranchyNet | undefined => (tensor === stopAt ? { bytes: graph.build(tensor), weights: graph.weights() } : undefined);
  const steps: (() => string)[] = [];
  let t = graph.imageTensor;
  let pooled = '';
  let relu2 = '';
  steps.push(() => (t = graph.conv(t, 6, { kernel: 3, pad: 1, scope: '/features/features.0' })));
  steps.push(() => (t = graph.relu(t, '/features/features.1')));
  steps.push(() => (pooled = t = graph.maxPool(t, { kernel: 2, stride: 2, scope: '/features/features.2' })));
  steps.push(() => (t = graph.conv(t, 8, { kernel: 3, pad: 1, scope: '/features/features.3' })));
  steps.push(() => (relu2 = t = graph.relu(t, '/features/features.4')));
  steps.push(() => (t = graph.conv(pooled, 8, { kernel: 1, scope: '/shortcut' })));
  steps.push(() => (t = graph.add(relu2, t, '/block')));
  steps.push(() => (t = graph.conv(t, 8, { kernel: 3, stride: 2, pad: 1, scope: '/features/features.6' })));
  steps.push(() => (t = graph.globalAveragePool(t, '/avgpool')));
  steps.push(() => (t = graph.flatten(t, '')));
  for (const step of steps) {
    const result = done(step());
    if (result) return result;
  }
  return { bytes: graph.build(graph.gemm(t, CLASSES, '/classifier')), weights: graph.weights() };
}

// The branchy net's layers, written out from its geometry: 20×20, pooled to 10×10, and a
// stride-2 convolution with padding 1 to 5×5.
const BRANCHY_LAYERS: LayerInfo[] = [
  { name: '/features/features.0/Conv_output_0', node: '/features/features.0/Conv', op: 'Conv', shape: [6, 20, 20] },
  { name: '/features/features.1/Relu_output_0', node: '/features/features.1/Relu', op: 'Relu', shape: [6, 20, 20] },
  { name: '/features/features.2/MaxPool_output_0', node: '/features/features.2/MaxPool', op: 'MaxPool', shape: [6, 10, 10] },
  { name: '/features/features.3/Conv_output_0', node: '/features/features.3/Conv', op: 'Conv', shape: [8, 10, 10] },
  { name: '/features/features.4/Relu_output_0', node: '/features/features.4/Relu', op: 'Relu', shape: [8, 10, 10] },
  { name: '/shortcut/Conv_output_0', node: '/shortcut/Conv', op: 'Conv', shape: [8, 10, 10] },
  { name: '/block/Add_output_0', node: '/block/Add', op: 'Add', shape: [8, 10, 10] },
  { name: '/features/features.6/Conv_output_0', node: '/features/features.6/Conv', op: 'Conv', shape: [8, 5, 5] },
  { name: '/avgpool/GlobalAveragePool_output_0', node: '/avgpool/GlobalAveragePool', op: 'GlobalAveragePool', shape: [8, 1, 1] },
  { name: '/Flatten_output_0', node: '/Flatten', op: 'Flatten', shape: [8] },
  { name: 'logits', node: '/classifier/Gemm', op: 'Gemm', shape: [CLASSES] },
];

/** Runs a model directly in onnxruntime, one image at a time, and returns its output per image. */
async function singleImageOutputs(bytes: Uint8Array, images: Tensor): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const [count, ...shape] = images.shape;
    const outputs: Float32Array[] = [];
    for (let index = 0; index < count!; index += 1) {
      const result = await session.run({ input: new ort.Tensor('float32', row(images, index).slice(), [1, ...shape]) });
      outputs.push((result[session.outputNames[0]!]!.data as Float32Array).slice());
    }
    return outputs;
  } finally {
    await session.release();
  }
}

/** Encodes an opset-13 model from nodes and float32 inputs and outputs, with no weights. */
function encodeModel(nodes: GraphNode[], inputs: [string, (number | string)[]][], outputs: [string, (number | string)[]][]): Uint8Array {
  const { model: MODEL, graph: GRAPH, opset: OPSET } = onnxFields;
  const graph = new ProtoMessageWriter();
  nodes.forEach((node) => graph.bytes(GRAPH.node, encodeNode(node)));
  graph.string(GRAPH.name, 'hand_written');
  inputs.forEach(([name, dims]) => graph.bytes(GRAPH.input, encodeValueInfo(name, dims)));
  outputs.forEach(([name, dims]) => graph.bytes(GRAPH.output, encodeValueInfo(name, dims)));
  return new ProtoMessageWriter()
    .int(MODEL.irVersion, 8)
    .bytes(MODEL.graph, graph.finish())
    .bytes(MODEL.opsetImport, new ProtoMessageWriter().string(OPSET.domain, '').int(OPSET.version, 13).finish())
    .finish();
}

describe('OnnxBackend', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'polycam-onnx-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  describe('loading', () => {
    it('refuses runs and masked runs after dispose, as disposed, and disposes twice quietly', async () => {
      const backend = await OnnxBackend.load({ bytes: buildTinyCnn({ seed: 5 }), name: 'tiny.onnx' });
      await backend.dispose();
      await backend.dispose();
      expect(await rejectionKindOf(backend.run({ input: randomImages(1, [3, 32, 32], 1) }))).toBe('disposed');
      const masks = { shape: [1, 4, 4], data: new Float32Array(16).fill(1) };
      expect(await rejectionKindOf(backend.maskedInputs!.runMasked({ image: randomImages(1, [3, 32, 32], 1), masks }))).toBe('disposed');
    });

    it('loads the same model from a path and from bytes', async () => {
      const bytes = buildTinyCnn({ seed: 5 });
      const path = join(directory, 'tiny.onnx');
      await writeFile(path, bytes);
      const fromPath = await OnnxBackend.load({ path });
      const fromBytes = await OnnxBackend.load({ bytes, name: 'tiny.onnx' });
      try {
        expect(fromPath.id).toBe('onnx');
        expect(fromPath.description).toEqual(fromBytes.description);
        const images = randomImages(2, [3, 32, 32], 1);
        expect((await fromPath.run({ input: images })).output.data).toEqual((await fromBytes.run({ input: images })).output.data);
      } finally {
        await Promise.all([fromPath.dispose(), fromBytes.dispose()]);
      }
    });

    it('declares forward, masked-inputs and weight-randomization, and no gradients', async () => {
      const backend = await OnnxBackend.load({ bytes: buildTinyCnn() });
      try {
        expect([...backend.capabilities].sort()).toEqual(['forward', 'masked-inputs', 'weight-randomization']);
        expect((backend as ModelBackend).gradients).toBeUndefined();
        expect(typeof backend.maskedInputs!.runMasked).toBe('function');
      } finally {
        await backend.dispose();
      }
    });

    it('accepts a thread count, with the same results', async () => {
      const bytes = buildTinyCnn({ seed: 6 });
      const images = randomImages(3, [3, 32, 32], 2);
      const [reference, one, three] = await Promise.all([OnnxBackend.load({ bytes }), OnnxBackend.load({ bytes }, { threads: 1 }), OnnxBackend.load({ bytes }, { threads: 3 })]);
      try {
        const expected = (await reference.run({ input: images })).output.data;
        for (const backend of [one, three]) {
          expect(maxRelativeDifference((await backend.run({ input: images })).output.data, expected)).toBeLessThan(1e-5);
        }
      } finally {
        await Promise.all([reference.dispose(), one.dispose(), three.dispose()]);
      }
    });

    // BUG (createSession): onnxruntime's refusal of the session options is reported as the
    // model's fault: `threads: -1` or `1.5` gives `invalid-model`, "the model is not a usable
    // ONNX model: 'intraOpNumThreads' is invalid: -1", where an impossible option should be
    // `invalid-argument`. Remove `.fails` once options are checked before the session is made.
    it('refuses an impossible thread count with invalid-argument', async () => {
      await expectKind(OnnxBackend.load({ bytes: buildTinyCnn() }, { threads: -1 }), 'invalid-argument');
    });

    it('explains another graph output when the options name it', async () => {
      const twoOutputs = withGraphOutputs(buildTinyCnn({ seed: 7 }), ['/Flatten_output_0'], ['logits']);
      const backend = await OnnxBackend.load({ bytes: twoOutputs }, { output: '/Flatten_output_0' });
      try {
        expect(backend.description.output).toEqual({ name: '/Flatten_output_0', shape: [16], size: 16 });
        const images = randomImages(2, [3, 32, 32], 3);
        const result = await backend.run({ input: images, taps: ['/avgpool/GlobalAveragePool_output_0'] });
        expect(result.output.shape).toEqual([2, 16]);
        // Flatten of the [16, 1, 1] pooling is the same 16 numbers.
        expect(result.output.data).toEqual(result.activations.get('/avgpool/GlobalAveragePool_output_0')!.data);
      } finally {
        await backend.dispose();
      }
      await expectKind(OnnxBackend.load({ bytes: twoOutputs }, { output: 'nope' }), 'invalid-model');
    });
  });

  describe('description', () => {
    it('lists every layer of a built model in forward order, with node, operator and per-image shape', async () => {
      const backend = await OnnxBackend.load({ bytes: buildBranchyNet('batch').bytes });
      try {
        expect(backend.description.input).toEqual({ name: 'input', shape: [3, SIZE, SIZE], layout: 'NCHW', fixedBatchSize: undefined });
        expect(backend.description.output).toEqual({ name: 'logits', shape: [CLASSES], size: CLASSES });
        expect(backend.description.layers).toEqual(BRANCHY_LAYERS);
      } finally {
        await backend.dispose();
      }
    });

    it('reports a fixed batch size', async () => {
      const backend = await OnnxBackend.load({ bytes: buildBranchyNet(3).bytes });
      try {
        expect(backend.description.input).toEqual({ name: 'input', shape: [3, SIZE, SIZE], layout: 'NCHW', fixedBatchSize: 3 });
        expect(backend.description.layers).toEqual(BRANCHY_LAYERS);
      } finally {
        await backend.dispose();
      }
    });

    it('describes the reference PyTorch export: five conv stages, a 4×4 max pooling, then the head', async () => {
      const backend = await OnnxBackend.load({ path: fixtureModel });
      try {
        const size = fixtureJson.input_size;
        expect(backend.description.input).toEqual({ name: fixtureJson.input_name, shape: [3, size, size], layout: 'NCHW', fixedBatchSize: undefined });
        expect(backend.description.output).toEqual({ name: fixtureJson.output_name, shape: [10], size: 10 });
        // torchvision-style features Sequential: (Conv, ReLU, MaxPool) × 5 at indices 0..14.
        const widths = [16, 32, 64, 128, 128];
        const expected: LayerInfo[] = widths.flatMap((width, stage) => {
          const side = size >> stage;
          const layer = (index: number, op: string, shape: number[]): LayerInfo => ({
            name: `/features/features.${index}/${op}_output_0`,
            node: `/features/features.${index}/${op}`,
            op,
            shape,
          });
          return [
            layer(3 * stage, 'Conv', [width, side, side]),
            layer(3 * stage + 1, 'Relu', [width, side, side]),
            layer(3 * stage + 2, 'MaxPool', [width, side / 2, side / 2]),
          ];
        });
        expected.push(
          { name: '/avgpool/GlobalAveragePool_output_0', node: '/avgpool/GlobalAveragePool', op: 'GlobalAveragePool', shape: [128, 1, 1] },
          { name: '/flatten/Flatten_output_0', node: '/flatten/Flatten', op: 'Flatten', shape: [128] },
          { name: fixtureJson.output_name, node: '/classifier/Gemm', op: 'Gemm', shape: [10] },
        );
        expect(backend.description.layers).toEqual(expected);
        expect(expected.find((layer) => layer.name === '/features/features.14/MaxPool_output_0')!.shape).toEqual([128, 4, 4]);
        // The fixture's layers are layers of the model, in forward order, and its class exists.
        const names = backend.description.layers.map((layer) => layer.name);
        const positions = fixtureJson.layers.map((layer) => names.indexOf(layer));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(fixtureJson.class_index).toBeLessThan(backend.description.output.size);
      } finally {
        await backend.dispose();
      }
    });
  });

  describe('taps', () => {
    const tapped = BRANCHY_LAYERS.filter((layer) => layer.shape.length === 3).map((layer) => layer.name);

    it('equal what a model truncated at the tapped layer outputs directly', async () => {
      const full = buildBranchyNet('batch');
      const backend = await OnnxBackend.load({ bytes: full.bytes });
      try {
        const images = randomImages(3, [3, SIZE, SIZE], 4);
        const result = await backend.run({ input: images, taps: tapped });
        for (const layer of tapped) {
          const truncated = buildBranchyNet('batch', layer);
          // Same seed and calls: the truncated model holds the same weights as the full one.
          for (const [name, tensor] of truncated.weights) expect(tensor.data).toEqual(full.weights.get(name)!.data);
          const expected = await singleImageOutputs(truncated.bytes, images);
          const activation = result.activations.get(layer)!;
          expect(activation.shape).toEqual([3, ...BRANCHY_LAYERS.find((info) => info.name === layer)!.shape]);
          expected.forEach((values, index) => expect(maxRelativeDifference(row(activation, index), values), layer).toBeLessThan(1e-5));
        }
        // The output of the tapped run is the model's output.
        const logits = await singleImageOutputs(full.bytes, images);
        logits.forEach((values, index) => expect(maxRelativeDifference(row(result.output, index), values)).toBeLessThan(1e-5));
      } finally {
        await backend.dispose();
      }
    });

    it('returns only the requested taps, once each', async () => {
      const backend = await OnnxBackend.load({ bytes: buildBranchyNet('batch').bytes });
      try {
        const images = randomImages(2, [3, SIZE, SIZE], 5);
        const some = ['/block/Add_output_0', '/features/features.1/Relu_output_0'];
        const result = await backend.run({ input: images, taps: [...some, some[0]!] });
        expect([...result.activations.keys()].sort()).toEqual([...some].sort());
        const plain = await backend.run({ input: images });
        expect(plain.activations.size).toBe(0);
        expect(maxRelativeDifference(result.output.data, plain.output.data)).toBeLessThan(1e-6);
        const none = await backend.run({ input: images, taps: [] });
        expect(none.activations.size).toBe(0);
      } finally {
        await backend.dispose();
      }
    });

    it('serves a tap on the output itself from the output, without fetching it twice', async () => {
      const backend = await OnnxBackend.load({ bytes: buildBranchyNet('batch').bytes });
      try {
        const images = randomImages(3, [3, SIZE, SIZE], 6);
        const result = await backend.run({ input: images, taps: ['logits', '/features/features.6/Conv_output_0'] });
        expect(result.output.shape).toEqual([3, CLASSES]);
        expect(result.output.data).toHaveLength(3 * CLASSES);
        expect(result.activations.get('logits')).toEqual({ shape: [3, CLASSES], data: result.output.data });
        const plain = await backend.run({ input: images });
        expect(maxRelativeDifference(result.output.data, plain.output.data)).toBeLessThan(1e-6);
      } finally {
        await backend.dispose();
      }
    });
  });

  describe('a model with a fixed batch axis', () => {
    for (const batch of [1, 2, 3]) {
      it(`of ${batch} takes any batch size from 1 to 5, with results equal to single-image runs`, async () => {
        const backend = await OnnxBackend.load({ bytes: buildBranchyNet(batch).bytes });
        const tap = '/block/Add_output_0';
        const truncated = buildBranchyNet('batch', tap).bytes;
        try {
          expect(backend.description.input.fixedBatchSize).toBe(batch);
          const images = randomImages(5, [3, SIZE, SIZE], 7 + batch);
          const logits = await singleImageOutputs(buildBranchyNet('batch').bytes, images);
          const activations = await singleImageOutputs(truncated, images);
          for (let count = 1; count <= 5; count += 1) {
            const input = { shape: [count, 3, SIZE, SIZE], data: images.data.slice(0, count * 3 * SIZE * SIZE) };
            const result = await backend.run({ input, taps: [tap] });
            expect(result.output.shape).toEqual([count, CLASSES]);
            expect(result.output.data).toHaveLength(count * CLASSES);
            expect(result.activations.get(tap)!.shape).toEqual([count, 8, 10, 10]);
            expect(result.activations.get(tap)!.data).toHaveLength(count * 800);
            for (let index = 0; index < count; index += 1) {
              expect(maxRelativeDifference(row(result.output, index), logits[index]!), `N=${count} #${index}`).toBeLessThan(1e-5);
              expect(maxRelativeDifference(row(result.activations.get(tap)!, index), activations[index]!)).toBeLessThan(1e-5);
            }
            const plain = await backend.run({ input });
            expect(maxRelativeDifference(plain.output.data, result.output.data)).toBeLessThan(1e-6);
          }
        } finally {
          await backend.dispose();
        }
      });
    }
  });

  describe('errors', () => {
    it('file-not-found for a missing file or a directory', async () => {
      const missing = join(directory, 'no-such-model.onnx');
      const error = await expectKind(OnnxBackend.load({ path: missing }), 'file-not-found');
      expect(error.message).toContain(missing);
      await expectKind(OnnxBackend.load({ path: directory }), 'file-not-found');
    });

    it('invalid-model for an empty file, empty bytes, random bytes, a PNG file and a truncated model', async () => {
      const empty = join(directory, 'empty.onnx');
      await writeFile(empty, new Uint8Array(0));
      await expectKind(OnnxBackend.load({ path: empty }), 'invalid-model');
      await expectKind(OnnxBackend.load({ bytes: new Uint8Array(0) }), 'invalid-model');
      const random = seededRandom(8);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const noise = Uint8Array.from({ length: 200 + 100 * attempt }, () => Math.floor(random() * 256));
        await expectKind(OnnxBackend.load({ bytes: noise }), 'invalid-model');
      }
      await expectKind(OnnxBackend.load({ path: join(fixtureDirectory, 'image.png') }), 'invalid-model');
      const model = buildTinyCnn();
      await expectKind(OnnxBackend.load({ bytes: model.subarray(0, model.length >> 1) }), 'invalid-model');
    });

    it('invalid-model for a model with two inputs, or with a rank-2 input, which onnxruntime itself accepts', async () => {
      const twoInputs = encodeModel(
        [
          { name: '/Add', op: 'Add', inputs: ['left', 'right'], outputs: ['sum'], attributes: [] },
          { name: '/GlobalAveragePool', op: 'GlobalAveragePool', inputs: ['sum'], outputs: ['pooled'], attributes: [] },
          { name: '/Flatten', op: 'Flatten', inputs: ['pooled'], outputs: ['logits'], attributes: [{ name: 'axis', kind: 'int', value: 1 }] },
        ],
        [
          ['left', ['batch', 3, 8, 8]],
          ['right', ['batch', 3, 8, 8]],
        ],
        [['logits', ['batch', 3]]],
      );
      const rankTwo = encodeModel([{ name: '/Relu', op: 'Relu', inputs: ['input'], outputs: ['logits'], attributes: [] }], [['input', ['batch', 12]]], [['logits', ['batch', 12]]]);
      for (const bytes of [twoInputs, rankTwo]) {
        const session = await ort.InferenceSession.create(bytes);
        await session.release();
        await expectKind(OnnxBackend.load({ bytes }), 'invalid-model');
      }
    });

    describe('when running', () => {
      let backend: OnnxBackend;
      beforeAll(async () => {
        backend = await OnnxBackend.load({ bytes: buildBranchyNet(2).bytes });
      });
      afterAll(async () => {
        await backend.dispose();
      });

      it('unknown-layer for an unknown tap, naming the nearest layers', async () => {
        const error = await expectKind(backend.run({ input: randomImages(1, [3, SIZE, SIZE], 9), taps: ['/features/features.4/Relu_output_1'] }), 'unknown-layer');
        expect(error.message).toContain('/features/features.4/Relu_output_1');
        expect(error.message).toContain('/features/features.4/Relu_output_0');
        expect(error.message).toContain('/features/features.1/Relu_output_0');
      });

      it('invalid-argument for an input of the wrong shape', async () => {
        for (const shape of [[1, 3, 16, 16], [1, 1, SIZE, SIZE], [0, 3, SIZE, SIZE], [3, SIZE, SIZE], [1, SIZE, SIZE, 3]]) {
          const size = shape.reduce((product, axis) => product * axis, 1);
          await expectKind(backend.run({ input: { shape, data: new Float32Array(size) } }), 'invalid-argument');
        }
      });

      it('aborted for a signal that has fired, and between the chunks of a split batch', async () => {
        const images = randomImages(5, [3, SIZE, SIZE], 10);
        await expectKind(backend.run({ input: images }, AbortSignal.abort()), 'aborted');
        const controller = new AbortController();
        const running = backend.run({ input: images, taps: ['/block/Add_output_0'] }, controller.signal);
        controller.abort(); // the first of three chunks is already under way
        await expectKind(running, 'aborted');
        // The backend is still usable.
        expect((await backend.run({ input: images })).output.shape).toEqual([5, CLASSES]);
      });
    });
  });

  describe('dispose', () => {
    it('releases the sessions: a run afterwards fails', async () => {
      const backend = await OnnxBackend.load({ bytes: buildTinyCnn() });
      const images = randomImages(1, [3, 32, 32], 11);
      await backend.run({ input: images });
      await backend.maskedInputs!.runMasked({ image: images, masks: { shape: [1, 2, 2], data: new Float32Array(4).fill(1) } });
      await backend.dispose();
      await expect(backend.run({ input: images })).rejects.toThrow();
      await expect(backend.run({ input: images, taps: ['/features/features.1/Relu_output_0'] })).rejects.toThrow();
    });

    // BUG (OnnxMaskedInputRunner.dispose): dispose forgets the masked session, and the next
    // runMasked silently creates a new one, which nobody releases, although ModelBackend.dispose
    // says that the backend is unusable afterwards. Remove `.fails` once that is fixed.
    it('leaves masked runs unusable too', async () => {
      const backend = await OnnxBackend.load({ bytes: buildTinyCnn() });
      const request = { image: randomImages(1, [3, 32, 32], 12), masks: { shape: [1, 2, 2], data: new Float32Array(4).fill(1) } };
      await backend.maskedInputs!.runMasked(request);
      await backend.dispose();
      await expect(backend.maskedInputs!.runMasked(request)).rejects.toThrow();
    });
  });
});
