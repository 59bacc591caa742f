import { resolveLayers, seededRandom } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { OnnxBackend } from '../OnnxBackend.js';
import { readInitializers } from '../onnx/readInitializers.js';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { buildTinyCnn } from './buildTinyCnn.js';
import { standardDeviation } from './builderSpec.testkit.js';

function randomImages(count: number, size: number, seed: number): ort.Tensor {
  const random = seededRandom(seed);
  return new ort.Tensor('float32', Float32Array.from({ length: count * 3 * size * size }, () => random() * 4 - 2), [count, 3, size, size]);
}

describe('buildTinyCnn', () => {
  it('has the documented layers', () => {
    const summary = summarizeOnnxModel(buildTinyCnn());
    expect(summary.nodes.map((node) => node.op)).toEqual([
      'Conv', 'Relu', 'MaxPool', 'Conv', 'Relu', 'MaxPool', 'Conv', 'Relu', 'GlobalAveragePool', 'Flatten', 'Gemm',
    ]);
  });

  it('holds exactly the documented weights: three 3×3 convolutions (8, 16, 16 channels) and a 16→4 linear layer', () => {
    const initializers = [...readInitializers(buildTinyCnn()).values()];
    const count = initializers.reduce((sum, tensor) => sum + tensor.dims.reduce((product, dim) => product * dim, 1), 0);
    // conv 3→8: 8·3·3·3 + 8; conv 8→16: 16·8·3·3 + 16; conv 16→16: 16·16·3·3 + 16; linear: 4·16 + 4
    expect(count).toBe(8 * 27 + 8 + 16 * 72 + 16 + 16 * 144 + 16 + 4 * 16 + 4);
  });

  it('loads in onnxruntime, and its logits have a useful scale', async () => {
    const session = await ort.InferenceSession.create(buildTinyCnn());
    try {
      expect(session.inputMetadata).toEqual([expect.objectContaining({ name: 'input', type: 'float32', shape: ['batch', 3, 32, 32] })]);
      expect(session.outputMetadata).toEqual([expect.objectContaining({ name: 'logits', type: 'float32', shape: ['batch', 4] })]);
      const images = randomImages(16, 32, 7);
      const logits = (await session.run({ input: images }))['logits']!;
      expect(logits.dims).toEqual([16, 4]);
      const spread = standardDeviation(logits.data as Float32Array);
      expect(spread).toBeGreaterThan(0.5);
      expect(spread).toBeLessThan(5);
      const [first, second] = [0, 1].map((row) => (logits.data as Float32Array).subarray(row * 4, row * 4 + 4));
      expect(first).not.toEqual(second); // the logits depend on the image
    } finally {
      await session.release();
    }
  });

  it('takes a fixed batch and other sizes and classes', async () => {
    const session = await ort.InferenceSession.create(buildTinyCnn({ size: 48, classes: 6, batch: 3 }));
    try {
      expect(session.inputMetadata[0]).toMatchObject({ shape: [3, 3, 48, 48] });
      expect(session.outputMetadata[0]).toMatchObject({ shape: [3, 6] });
      expect((await session.run({ input: randomImages(3, 48, 8) }))['logits']!.dims).toEqual([3, 6]);
    } finally {
      await session.release();
    }
  });

  it('is described by the ONNX backend, whose automatic discovery picks the three ReLUs', async () => {
    const backend = await OnnxBackend.load({ bytes: buildTinyCnn({ batch: 2 }) });
    try {
      expect(backend.description.input).toMatchObject({ shape: [3, 32, 32], fixedBatchSize: 2 });
      // Each ReLU precedes a change of size: the two max poolings and the 1×1 global pooling.
      expect(resolveLayers(backend.description, 'auto')).toEqual([
        '/features/features.1/Relu_output_0',
        '/features/features.4/Relu_output_0',
        '/features/features.7/Relu_output_0',
      ]);
    } finally {
      await backend.dispose();
    }
  });

  it('takes a channels-last input when asked, with the same weights', async () => {
    const nchw = summarizeOnnxModel(buildTinyCnn({ seed: 3 }));
    const nhwc = summarizeOnnxModel(buildTinyCnn({ seed: 3, inputLayout: 'NHWC', size: 32 }));
    expect(nhwc.inputs[0]!.dims).toEqual(['batch', 32, 32, 3]);
    expect(nhwc.nodes.map((node) => node.op)).toEqual(['Transpose', ...nchw.nodes.map((node) => node.op)]);
    const images = randomImages(2, 32, 9);
    const session = await ort.InferenceSession.create(buildTinyCnn({ seed: 3 }));
    const channelsLast = await ort.InferenceSession.create(buildTinyCnn({ seed: 3, inputLayout: 'NHWC' }));
    try {
      const expected = (await session.run({ input: images }))['logits']!.data as Float32Array;
      const values = images.data as Float32Array;
      const transposed = new Float32Array(values.length);
      for (let n = 0; n < 2; n += 1) {
        for (let c = 0; c < 3; c += 1) {
          for (let p = 0; p < 32 * 32; p += 1) transposed[(n * 1024 + p) * 3 + c] = values[(n * 3 + c) * 1024 + p]!;
        }
      }
      const actual = (await channelsLast.run({ input: new ort.Tensor('float32', transposed, [2, 32, 32, 3]) }))['logits']!.data as Float32Array;
      actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 5));
    } finally {
      await Promise.all([session.release(), channelsLast.release()]);
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
    expect(same(buildTinyCnn({ seed: 4 }), buildTinyCnn({ seed: 4 }))).toBe(true);
    expect(same(buildTinyCnn({ seed: 4 }), buildTinyCnn({ seed: 5 }))).toBe(false);
  });
});
