import { mkdtemp, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolycamContainer, seededRandom, TOKENS, type Tensor } from '@polycam/core';
import { rejectionKindOf } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { buildTfjsLayersCnn, readSavedWeight, writeTfjsGraphModel } from '@polycam/backend-tfjs/testing';
import { memory } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsBackend } from './TfjsBackend.js';

function randomImages(count: number, size: number, seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [count, 3, size, size], data: Float32Array.from({ length: count * 3 * size * size }, () => random() * 2 - 1) };
}


let folder: string;
let layersPath: string;
let graphPath: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polycam-tfjs-'));
  layersPath = await buildTfjsLayersCnn(join(folder, 'layers'), { seed: 5 });
  graphPath = await writeTfjsGraphModel(join(folder, 'graph'), { seed: 6 });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('TfjsBackend on a LayersModel', () => {
  it('describes the NHWC model channels first, with every layer by its TF.js name and class', async () => {
    const backend = await TfjsBackend.load({ path: layersPath });
    try {
      expect(backend.id).toBe('tfjs');
      expect(backend.format).toBe('layers');
      expect(backend.platform).toBe('wasm');
      expect([...backend.capabilities].sort()).toEqual(['forward', 'gradients', 'weight-randomization']);
      expect(backend.description.input).toEqual({ name: 'image', shape: [3, 16, 16], layout: 'NHWC', fixedBatchSize: undefined });
      expect(backend.description.output).toEqual({ name: 'fc', shape: [5], size: 5 });
      expect(backend.description.layers.map((layer) => [layer.name, layer.op, layer.shape.join('×')])).toEqual([
        ['conv1', 'Conv2D', '4×16×16'],
        ['relu1', 'ReLU', '4×16×16'],
        ['pool1', 'MaxPooling2D', '4×8×8'],
        ['conv2', 'Conv2D', '6×8×8'],
        ['relu2', 'ReLU', '6×8×8'],
        ['gap', 'GlobalAveragePooling2D', '6'],
        ['fc', 'Dense', '5'],
      ]);
    } finally {
      await backend.dispose();
    }
  });

  it("returns channels-first taps: gap is each relu2 channel's mean, and fc is W·gap + b from the weights file", async () => {
    const backend = await TfjsBackend.load({ path: layersPath });
    try {
      const result = await backend.run({ input: randomImages(2, 16, 1), taps: ['relu2', 'gap'] });
      const relu2 = result.activations.get('relu2')!;
      const gap = result.activations.get('gap')!;
      expect(relu2.shape).toEqual([2, 6, 8, 8]);
      const kernel = await readSavedWeight(layersPath, 'fc/kernel');
      const bias = await readSavedWeight(layersPath, 'fc/bias');
      for (let image = 0; image < 2; image += 1) {
        for (let k = 0; k < 6; k += 1) {
          const plane = relu2.data.subarray((image * 6 + k) * 64, (image * 6 + k + 1) * 64);
          expect(gap.data[image * 6 + k]).toBeCloseTo(plane.reduce((sum, value) => sum + value, 0) / 64, 5);
        }
        for (let c = 0; c < 5; c += 1) {
          let logit = bias[c]!;
          for (let k = 0; k < 6; k += 1) logit += kernel[k * 5 + c]! * gap.data[image * 6 + k]!;
          expect(result.output.data[image * 5 + c]).toBeCloseTo(logit, 5);
        }
      }
    } finally {
      await backend.dispose();
    }
  });

  it('gives the same outputs on the wasm and cpu platforms', async () => {
    const input = randomImages(3, 16, 2);
    const wasm = await TfjsBackend.load({ path: layersPath }, { platform: 'wasm' });
    const cpu = await TfjsBackend.load({ path: layersPath }, { platform: 'cpu' });
    try {
      const a = await wasm.run({ input, taps: ['relu1'] });
      const b = await cpu.run({ input, taps: ['relu1'] });
      expect(cpu.platform).toBe('cpu');
      a.output.data.forEach((value, index) => expect(Math.abs(value - b.output.data[index]!)).toBeLessThan(1e-5));
      const tapA = a.activations.get('relu1')!.data;
      const tapB = b.activations.get('relu1')!.data;
      tapA.forEach((value, index) => expect(Math.abs(value - tapB[index]!)).toBeLessThan(1e-5));
    } finally {
      await wasm.dispose();
      await cpu.dispose();
    }
  });

  it('leaves the TF.js tensor count where it was after runs, gradients and a whole PCAM± explanation', async () => {
    const backend = await TfjsBackend.load({ path: layersPath });
    const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    try {
      const input = randomImages(1, 16, 3);
      await backend.run({ input, taps: ['relu1', 'relu2'] }); // builds and caches the sub-model
      const before = memory().numTensors;
      await backend.run({ input: randomImages(4, 16, 4), taps: ['relu1', 'relu2'] });
      await backend.gradients.layerGradient(input, 'relu1', { label: 'z0', score: (output) => output[0]! });
      await explainer.explain({ backend, input, method: 'pcam±', layers: ['relu1', 'relu2'], batchSize: 8 });
      expect(memory().numTensors).toBe(before);
    } finally {
      await backend.dispose();
    }
  });

  it('refuses an input of the wrong shape with invalid-argument, before it reaches TF.js', async () => {
    const backend = await TfjsBackend.load({ path: layersPath });
    try {
      const before = memory().numTensors;
      // The model is NHWC, but polycam feeds NCHW: an NHWC batch is refused, not misread.
      await expect(backend.run({ input: { shape: [1, 16, 16, 3], data: new Float32Array(768) } })).rejects.toThrow('the model takes [N,3,16,16] inputs, got [1,16,16,3]');
      for (const shape of [[1, 3, 17, 16], [1, 4, 16, 16], [3, 16, 16], [0, 3, 16, 16]]) {
        const input = { shape, data: new Float32Array(shape.reduce((product, axis) => product * axis, 1)) };
        expect(await rejectionKindOf(backend.run({ input })), shape.join('×')).toBe('invalid-argument');
      }
      expect(memory().numTensors).toBe(before);
    } finally {
      await backend.dispose();
    }
  });

  it('refuses runs after dispose', async () => {
    const backend = await TfjsBackend.load({ path: layersPath });
    await backend.dispose();
    expect(await rejectionKindOf(backend.run({ input: randomImages(1, 16, 5) }))).toBe('disposed');
  });
});

describe('TfjsBackend on a GraphModel', () => {
  it('lists every computing node with its shape, channels first, and runs node taps', async () => {
    const backend = await TfjsBackend.load({ path: graphPath });
    try {
      expect(backend.format).toBe('graph');
      expect(backend.description.input).toEqual({ name: 'image', shape: [3, 16, 16], layout: 'NHWC', fixedBatchSize: undefined });
      expect(backend.description.output).toEqual({ name: 'logits', shape: [4], size: 4 });
      expect(backend.description.layers.map((layer) => `${layer.name}:${layer.op}:${layer.shape.join('×')}`)).toEqual([
        'block1/conv:Conv2D:4×16×16',
        'block1/bias_add:BiasAdd:4×16×16',
        'block1/relu:Relu:4×16×16',
        'block1/pool:MaxPool:4×8×8',
        'block2/conv:Conv2D:6×8×8',
        'block2/bias_add:BiasAdd:6×8×8',
        'block2/relu:Relu:6×8×8',
        'gap:Mean:6',
        'logits/matmul:MatMul:4',
        'logits:BiasAdd:4',
      ]);
      const result = await backend.run({ input: randomImages(2, 16, 6), taps: ['block1/bias_add', 'block1/relu'] });
      const linear = result.activations.get('block1/bias_add')!.data;
      const rectified = result.activations.get('block1/relu')!.data;
      linear.forEach((value, index) => expect(rectified[index]).toBe(Math.max(0, value)));
    } finally {
      await backend.dispose();
    }
  });

  it('rejects a node name that does not exist with unknown-layer, naming the nearest ones', async () => {
    const backend = await TfjsBackend.load({ path: graphPath });
    try {
      await expect(backend.run({ input: randomImages(1, 16, 7), taps: ['block2/relux'] })).rejects.toThrow(/block2\/relux.*nearest: block2\/relu/);
      expect(await rejectionKindOf(backend.run({ input: randomImages(1, 16, 7), taps: ['nope'] }))).toBe('unknown-layer');
      expect(await rejectionKindOf(TfjsBackend.load({ path: graphPath }, { output: 'missing/node' }))).toBe('unknown-layer');
    } finally {
      await backend.dispose();
    }
  });
});

describe('TfjsBackend.load refusals', () => {
  async function copyModel(name: string): Promise<string> {
    const target = join(folder, name);
    const path = await buildTfjsLayersCnn(target, { seed: 9 });
    return path;
  }

  it("refuses a model.json whose weight file is missing, naming the file", async () => {
    const path = await copyModel('missing-weights');
    await unlink(join(folder, 'missing-weights', 'weights.bin'));
    await expect(TfjsBackend.load({ path })).rejects.toThrow(/weight file 'weights.bin' listed in .* is missing/);
    expect(await rejectionKindOf(TfjsBackend.load({ path }))).toBe('invalid-model');
  });

  it('refuses weight files shorter than the manifest needs', async () => {
    const path = await copyModel('short-weights');
    await truncate(join(folder, 'short-weights', 'weights.bin'), 100);
    await expect(TfjsBackend.load({ path })).rejects.toThrow(/hold 100 bytes, but its manifest needs/);
  });

  it('refuses a missing file, a file that is not JSON, JSON that is not a model, and bytes', async () => {
    expect(await rejectionKindOf(TfjsBackend.load({ path: join(folder, 'nothing', 'model.json') }))).toBe('file-not-found');
    const notJson = join(folder, 'not-json.json');
    await writeFile(notJson, 'PK\u0003\u0004');
    expect(await rejectionKindOf(TfjsBackend.load({ path: notJson }))).toBe('invalid-model');
    const notModel = join(folder, 'not-model.json');
    await writeFile(notModel, '{"name": "a package.json, say"}');
    await expect(TfjsBackend.load({ path: notModel })).rejects.toThrow(/has no modelTopology/);
    expect(await rejectionKindOf(TfjsBackend.load({ bytes: new Uint8Array(4), name: 'model.json' }))).toBe('invalid-argument');
  });
});
