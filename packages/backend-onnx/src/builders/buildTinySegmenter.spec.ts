import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { buildTinySegmenter } from './buildTinySegmenter.js';

describe('buildTinySegmenter', () => {
  it('has the documented layers, ending in a bilinear Resize', () => {
    const summary = summarizeOnnxModel(buildTinySegmenter());
    expect(summary.nodes.map((node) => node.op)).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'Relu', 'Conv', 'Resize']);
    expect(summary.outputs.map((output) => output.name)).toEqual(['out']);
  });

  it('gives per-pixel class logits at the input size, the bilinear ×2 upsampling of its 1×1 convolution', async () => {
    const bytes = buildTinySegmenter({ size: 8, classes: 2, seed: 1 });
    const session = await ort.InferenceSession.create(bytes);
    try {
      const image = new ort.Tensor('float32', Float32Array.from({ length: 3 * 64 }, (_, index) => Math.sin(index)), [1, 3, 8, 8]);
      const out = (await session.run({ input: image }))['out']!;
      expect(out.dims).toEqual([1, 2, 8, 8]);
      // Upsampling from 4×4 with half-pixel coordinates: output column 0 and 1 read source
      // columns 0 and 0.25 of the way to 1 (clamped at the border for column 0), so along a row
      // out[0] = s0 and out[1] = 0.75·s0 + 0.25·s1, out[2] = 0.25·s0 + 0.75·s1.
      const data = out.data as Float32Array;
      const [o0, o1, o2] = [data[0]!, data[1]!, data[2]!];
      const s1 = (o2 - 0.25 * o0) / 0.75;
      expect(o1).toBeCloseTo(0.75 * o0 + 0.25 * s1, 5);
    } finally {
      await session.release();
    }
  });

  it('declares a dynamic height and width when asked, and then runs at any even size', async () => {
    const bytes = buildTinySegmenter({ size: 8, classes: 2, seed: 1, dynamicSize: true });
    const summary = summarizeOnnxModel(bytes);
    expect(summary.inputs.map((input) => input.dims)).toEqual([['batch', 3, 'height', 'width']]);
    expect(summary.outputs.map((output) => output.dims)).toEqual([['batch', 2, 'out_height', 'out_width']]);
    expect(summarizeOnnxModel(buildTinySegmenter({ size: 8 })).inputs[0]!.dims).toEqual(['batch', 3, 8, 8]);
    const session = await ort.InferenceSession.create(bytes);
    try {
      for (const [height, width] of [[8, 8], [12, 6]] as const) {
        const image = new ort.Tensor('float32', new Float32Array(3 * height * width).fill(0.5), [1, 3, height, width]);
        expect((await session.run({ input: image }))['out']!.dims).toEqual([1, 2, height, width]);
      }
    } finally {
      await session.release();
    }
  });
});
