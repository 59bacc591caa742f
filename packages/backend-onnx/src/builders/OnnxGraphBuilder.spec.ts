import { seededRandom } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { WeightTensor } from './WeightTensor.js';

/** A [C, H, W] map in plain arrays, for the reference computation. */
type Map3 = number[][][];

function weight(weights: ReadonlyMap<string, WeightTensor>, name: string): WeightTensor {
  const tensor = weights.get(name);
  if (tensor === undefined) throw new Error(`no weight ${name}`);
  return tensor;
}

/** Cross-correlation, as ONNX Conv: weights [out, in, k, k], zero padding. */
function conv(input: Map3, kernel: WeightTensor, bias: WeightTensor, stride: number, pad: number): Map3 {
  const [out, channels, size] = [kernel.dims[0]!, kernel.dims[1]!, kernel.dims[2]!];
  const height = input[0]!.length;
  const width = input[0]![0]!.length;
  const outHeight = Math.floor((height + 2 * pad - size) / stride) + 1;
  const outWidth = Math.floor((width + 2 * pad - size) / stride) + 1;
  return Array.from({ length: out }, (_, o) =>
    Array.from({ length: outHeight }, (_, y) =>
      Array.from({ length: outWidth }, (_, x) => {
        let sum = bias.data[o]!;
        for (let c = 0; c < channels; c += 1) {
          for (let ky = 0; ky < size; ky += 1) {
            for (let kx = 0; kx < size; kx += 1) {
              const value = input[c]![y * stride + ky - pad]?.[x * stride + kx - pad] ?? 0;
              sum += value * kernel.data[((o * channels + c) * size + ky) * size + kx]!;
            }
          }
        }
        return sum;
      }),
    ),
  );
}

/** Max pooling where padded cells never win. */
function maxPool(input: Map3, size: number, stride: number, pad: number): Map3 {
  const outSize = (length: number): number => Math.floor((length + 2 * pad - size) / stride) + 1;
  return input.map((plane) =>
    Array.from({ length: outSize(plane.length) }, (_, y) =>
      Array.from({ length: outSize(plane[0]!.length) }, (_, x) => {
        let best = -Infinity;
        for (let ky = 0; ky < size; ky += 1) {
          for (let kx = 0; kx < size; kx += 1) {
            best = Math.max(best, plane[y * stride + ky - pad]?.[x * stride + kx - pad] ?? -Infinity);
          }
        }
        return best;
      }),
    ),
  );
}

describe('OnnxGraphBuilder', () => {
  it('builds a graph whose onnxruntime output matches a direct computation from its weights', async () => {
    const graph = new OnnxGraphBuilder({ inputShape: [1, 2, 5, 5], seed: 11 });
    const branch = graph.relu(graph.conv(graph.inputName, 3, { kernel: 3, stride: 1, pad: 1, scope: '/branch' }), '/relu');
    const shortcut = graph.conv(graph.inputName, 3, { kernel: 1, scope: '/shortcut' });
    const pooled = graph.maxPool(graph.add(branch, shortcut, ''), { kernel: 3, stride: 2, pad: 1, scope: '/pool' });
    const strided = graph.conv(pooled, 2, { kernel: 2, stride: 2, pad: 1, scope: '/strided' });
    const flat = graph.flatten(graph.globalAveragePool(strided, '/avgpool'), '');
    const bytes = graph.build(graph.gemm(flat, 3, '/fc'));

    const random = seededRandom(5);
    const image: Map3 = Array.from({ length: 2 }, () => Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => random() * 4 - 2)));
    const session = await ort.InferenceSession.create(bytes);
    const result = await session.run({ input: new ort.Tensor('float32', Float32Array.from(image.flat(2)), [1, 2, 5, 5]) });
    await session.release();

    const weights = graph.weights();
    const w = (name: string): WeightTensor => weight(weights, name);
    const relu = conv(image, w('branch.weight'), w('branch.bias'), 1, 1).map((plane) => plane.map((row) => row.map((value) => Math.max(0, value))));
    const projected = conv(image, w('shortcut.weight'), w('shortcut.bias'), 1, 0);
    const sum = relu.map((plane, c) => plane.map((row, y) => row.map((value, x) => value + projected[c]![y]![x]!)));
    const features = conv(maxPool(sum, 3, 2, 1), w('strided.weight'), w('strided.bias'), 2, 1);
    const averages = features.map((plane) => plane.flat().reduce((total, value) => total + value, 0) / plane.flat().length);
    const fc = w('fc.weight');
    const expected = [0, 1, 2].map((o) => averages.reduce((total, value, i) => total + value * fc.data[o * averages.length + i]!, w('fc.bias').data[o]!));

    const logits = result['logits']!;
    expect(logits.dims).toEqual([1, 3]);
    expect(features[0]!.length).toBe(2); // 5 → pool 3 → strided conv 2: the geometry was not trivial
    [...(logits.data as Float32Array)].forEach((value, o) => expect(value).toBeCloseTo(expected[o]!, 4));
  });

  it('names nodes, outputs and weights as PyTorch exports them', () => {
    const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 8, 8], seed: 1 });
    const conv = graph.conv(graph.inputName, 4, { kernel: 3, pad: 1, scope: '/layer1/layer1.0/conv1' });
    expect(conv).toBe('/layer1/layer1.0/conv1/Conv_output_0');
    const projection = graph.conv(graph.inputName, 4, { kernel: 1, scope: '/layer1/layer1.0/downsample/downsample.0' });
    const sum = graph.add(conv, projection, '/layer1/layer1.0');
    const flat = graph.flatten(graph.globalAveragePool(sum, '/avgpool'), '');
    const summary = summarizeOnnxModel(graph.build(graph.gemm(flat, 2, '/fc')));

    expect(summary.nodes.map((node) => node.name)).toEqual([
      '/layer1/layer1.0/conv1/Conv',
      '/layer1/layer1.0/downsample/downsample.0/Conv',
      '/layer1/layer1.0/Add',
      '/avgpool/GlobalAveragePool',
      '/Flatten',
      '/fc/Gemm',
    ]);
    expect(summary.nodes[0]).toMatchObject({ op: 'Conv', inputs: ['input', 'layer1.0.conv1.weight', 'layer1.0.conv1.bias'], outputs: [conv] });
    // build renames the last tensor: the Gemm writes the graph output itself.
    expect(summary.nodes.at(-1)!.outputs).toEqual(['logits']);
    expect(summary.outputs.map((output) => output.name)).toEqual(['logits']);
    expect([...summary.initializers]).toEqual([
      'layer1.0.conv1.weight',
      'layer1.0.conv1.bias',
      'layer1.0.downsample.0.weight',
      'layer1.0.downsample.0.bias',
      'fc.weight',
      'fc.bias',
    ]);
  });

  it('tracks shapes and draws He-uniform weights of the right size', () => {
    const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 9, 9], seed: 2 });
    const conv = graph.conv(graph.inputName, 64, { kernel: 3, stride: 2, pad: 1, scope: '/conv' });
    expect(graph.shapeOf(conv)).toEqual([64, 5, 5]);
    expect(graph.shapeOf(graph.maxPool(conv, { kernel: 2, stride: 2, scope: '/pool' }))).toEqual([64, 2, 2]);
    const kernel = weight(graph.weights(), 'conv.weight');
    expect(kernel.dims).toEqual([64, 3, 3, 3]);
    const bound = Math.sqrt(6 / 27);
    const values = [...kernel.data];
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...values)).toBeGreaterThan(0.9 * bound);
    expect(Math.min(...values)).toBeLessThan(-0.9 * bound);
  });

  it('declares a symbolic batch axis or a fixed one, and custom input and output names', async () => {
    for (const batch of ['batch', 2] as const) {
      const graph = new OnnxGraphBuilder({ inputShape: [batch, 1, 4, 4], seed: 3, inputName: 'pixels', outputName: 'scores' });
      const bytes = graph.build(graph.gemm(graph.flatten(graph.inputName, ''), 5, '/fc'));
      const session = await ort.InferenceSession.create(bytes);
      expect(session.inputMetadata).toEqual([expect.objectContaining({ name: 'pixels', type: 'float32', shape: [batch, 1, 4, 4] })]);
      expect(session.outputMetadata).toEqual([expect.objectContaining({ name: 'scores', type: 'float32', shape: [batch, 5] })]);
      const result = await session.run({ pixels: new ort.Tensor('float32', new Float32Array(2 * 16), [2, 1, 4, 4]) });
      expect(result['scores']!.dims).toEqual([2, 5]);
      await session.release();
    }
  });

  it('gives the same bytes for the same seed and calls, and other bytes for another seed', () => {
    const build = (seed: number): Uint8Array => {
      const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 8, 8], seed });
      return graph.build(graph.conv(graph.inputName, 4, { kernel: 3, scope: '/conv' }));
    };
    expect(Buffer.from(build(7)).equals(Buffer.from(build(7)))).toBe(true);
    expect(Buffer.from(build(7)).equals(Buffer.from(build(8)))).toBe(false);
    expect(build(7).length).toBe(build(8).length);
  });

  it('reads NCHW images from the input itself by default', () => {
    const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 8, 8], seed: 9 });
    expect(graph.imageTensor).toBe(graph.inputName);
    expect(graph.shapeOf(graph.imageTensor)).toEqual([3, 8, 8]);
  });

  it('takes a channels-last input through a leading Transpose, with the NCHW graph\'s weights', async () => {
    const build = (inputLayout: 'NCHW' | 'NHWC'): { bytes: Uint8Array; graph: OnnxGraphBuilder } => {
      const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 6, 5], seed: 12, inputLayout });
      const features = graph.relu(graph.conv(graph.imageTensor, 4, { kernel: 3, pad: 1, scope: '/conv' }), '/relu');
      return { bytes: graph.build(graph.gemm(graph.flatten(features, ''), 3, '/fc')), graph };
    };
    const nchw = build('NCHW');
    const nhwc = build('NHWC');
    expect(nhwc.graph.inputName).toBe('input');
    expect(nhwc.graph.imageTensor).toBe('/Transpose_output_0');
    expect(nhwc.graph.shapeOf(nhwc.graph.inputName)).toEqual([6, 5, 3]);
    expect(nhwc.graph.shapeOf(nhwc.graph.imageTensor)).toEqual([3, 6, 5]);
    expect([...nhwc.graph.weights()]).toEqual([...nchw.graph.weights()]);
    const summary = summarizeOnnxModel(nhwc.bytes);
    expect(summary.inputs).toEqual([{ name: 'input', elementType: 1, dims: ['batch', 6, 5, 3] }]);
    expect(summary.nodes[0]).toEqual({ name: '/Transpose', op: 'Transpose', inputs: ['input'], outputs: ['/Transpose_output_0'] });
    expect(summary.nodes.slice(1).map((node) => node.op)).toEqual(summarizeOnnxModel(nchw.bytes).nodes.map((node) => node.op));

    // The same images, laid out channels last by hand, give the same logits.
    const random = seededRandom(13);
    const planar = Float32Array.from({ length: 2 * 3 * 6 * 5 }, () => random() * 2 - 1);
    const interleaved = new Float32Array(planar.length);
    for (let n = 0; n < 2; n += 1) {
      for (let c = 0; c < 3; c += 1) {
        for (let y = 0; y < 6; y += 1) {
          for (let x = 0; x < 5; x += 1) interleaved[((n * 6 + y) * 5 + x) * 3 + c] = planar[((n * 3 + c) * 6 + y) * 5 + x]!;
        }
      }
    }
    const run = async (bytes: Uint8Array, data: Float32Array, dims: number[]): Promise<Float32Array> => {
      const session = await ort.InferenceSession.create(bytes);
      try {
        return (await session.run({ input: new ort.Tensor('float32', data, dims) }))['logits']!.data as Float32Array;
      } finally {
        await session.release();
      }
    };
    const expected = await run(nchw.bytes, planar, [2, 3, 6, 5]);
    const actual = await run(nhwc.bytes, interleaved, [2, 6, 5, 3]);
    expect(actual).toHaveLength(6);
    actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 5));
    // Feeding the planar data as if it were interleaved gives other logits: the layout matters.
    const misread = await run(nhwc.bytes, planar, [2, 6, 5, 3]);
    expect([...misread].some((value, index) => Math.abs(value - expected[index]!) > 1e-3)).toBe(true);
  });

  it('reshapes, joins rows, takes softmaxes and applies given Gemm weights as a direct computation does', async () => {
    const graph = new OnnxGraphBuilder({ inputShape: ['batch', 1, 2, 3], seed: 14, outputName: 'rows' });
    const flat = graph.flatten(graph.inputName, '');
    // Weights [4, 6] with w[o][i] = o − i / 2, biases 0.5·o.
    const weight = { dims: [4, 6], data: Float32Array.from({ length: 24 }, (_, at) => Math.floor(at / 6) - (at % 6) / 2) };
    const linear = graph.fixedGemm(flat, weight, Float32Array.of(0, 0.5, 1, 1.5), '/head/linear');
    const probabilities = graph.softmax(graph.reshape(linear, [2, 2], '/head/split'), '/head/softmax');
    const pixels = graph.reshape(flat, [2, 3], '/head/pixels');
    expect(graph.shapeOf(pixels)).toEqual([2, 3]);
    const bytes = graph.build(graph.concat([pixels, probabilities], '/head', 1));
    expect(summarizeOnnxModel(bytes).outputs[0]!.dims).toEqual(['batch', 2, 5]);

    const image = Float32Array.of(1, -2, 0.5, 3, 0, -1, 0.25, 2, -0.5, 1, 1, -3);
    const session = await ort.InferenceSession.create(bytes);
    const rows = (await session.run({ input: new ort.Tensor('float32', image, [2, 1, 2, 3]) }))['rows']!;
    await session.release();
    expect(rows.dims).toEqual([2, 2, 5]);
    for (let n = 0; n < 2; n += 1) {
      const x = image.subarray(n * 6, n * 6 + 6);
      const z = [0, 1, 2, 3].map((o) => x.reduce((sum, value, i) => sum + value * (o - i / 2), 0.5 * o));
      const softmax = (a: number, b: number): [number, number] => [1 / (1 + Math.exp(b - a)), 1 / (1 + Math.exp(a - b))];
      const expected = [...x.subarray(0, 3), ...softmax(z[0]!, z[1]!), ...x.subarray(3, 6), ...softmax(z[2]!, z[3]!)];
      expected.forEach((value, at) => expect((rows.data as Float32Array)[n * 10 + at]).toBeCloseTo(value, 5));
    }
  });

  it('refuses graphs it cannot build', () => {
    const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 8, 8], seed: 4 });
    const conv = graph.conv(graph.inputName, 4, { kernel: 3, scope: '/conv' });
    expect(() => graph.conv(conv, 4, { kernel: 1, scope: '/conv' })).toThrow(/already named/);
    expect(() => graph.gemm(conv, 2, '/fc')).toThrow(/flat input/);
    expect(() => graph.add(conv, graph.inputName, '')).toThrow(/cannot add/);
    expect(() => graph.relu('missing', '/relu')).toThrow(/no tensor 'missing'/);
    expect(() => graph.build(graph.inputName)).toThrow(/written by a node/);
    const flat = graph.flatten(conv, '');
    expect(() => graph.reshape(flat, [5, 5], '/r')).toThrow(/cannot reshape/);
    expect(() => graph.fixedGemm(flat, { dims: [2, 3], data: new Float32Array(6) }, new Float32Array(2), '/g')).toThrow(/fixed Gemm needs/);
    expect(() => graph.concat([conv, flat], '/c', 0)).toThrow(/cannot concatenate/);
  });
});
