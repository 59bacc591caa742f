import { resolveLayers } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { OnnxBackend } from '../OnnxBackend.js';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { buildVggLikeModel } from './buildVggLikeModel.js';
import { expectUsefulClassifier, logitsOf } from './builderSpec.testkit.js';

const widths = [8, 16, 32, 32, 32];

describe('buildVggLikeModel', () => {
  it('loads in onnxruntime with a symbolic batch, and its logits have a useful scale', async () => {
    await expectUsefulClassifier(buildVggLikeModel(), 224, 10);
  });

  it('follows its options: stages, convolutions per stage, classes and a fixed batch', async () => {
    const bytes = buildVggLikeModel({ size: 32, widths: [4, 8], convsPerStage: 3, classes: 7, batch: 2 });
    const summary = summarizeOnnxModel(bytes);
    const stage = ['Conv', 'Relu', 'Conv', 'Relu', 'Conv', 'Relu', 'MaxPool'];
    expect(summary.nodes.map((node) => node.op)).toEqual([...stage, ...stage, 'GlobalAveragePool', 'Flatten', 'Gemm']);
    expect(summary.nodes[0]!.name).toBe('/features/features.0/Conv');
    expect(summary.nodes[13]!.name).toBe('/features/features.13/MaxPool');
    expect(summary.initializers).toContain('features.11.weight');
    expect(summary.initializers).toContain('classifier.0.weight');
    const session = await ort.InferenceSession.create(bytes);
    expect(session.inputMetadata[0]).toMatchObject({ shape: [2, 3, 32, 32] });
    expect(session.outputMetadata[0]).toMatchObject({ shape: [2, 7] });
    await session.release();
    expect((await logitsOf(bytes, 2, 32)).dims).toEqual([2, 7]);
  });

  it('is described by the ONNX backend, whose automatic discovery picks the stage ends', async () => {
    const backend = await OnnxBackend.load({ bytes: buildVggLikeModel({ size: 64, widths }) });
    try {
      const { description } = backend;
      expect(description.input).toMatchObject({ name: 'input', shape: [3, 64, 64], layout: 'NCHW', fixedBatchSize: undefined });
      expect(description.output).toEqual({ name: 'logits', shape: [10], size: 10 });
      expect(description.layers).toHaveLength(5 * 5 + 3);
      expect(description.layers[3]).toEqual({ name: '/features/features.3/Relu_output_0', node: '/features/features.3/Relu', op: 'Relu', shape: [8, 64, 64] });
      const stageEnds = [3, 8, 13, 18, 23].map((index) => `/features/features.${index}/Relu_output_0`);
      // Discovery takes the layer before each change of spatial size: the last ReLU of each stage
      // (its max pooling halves the size). At 64 pixels the fifth pooling leaves 2×2, so the
      // global average pooling (2×2 → 1×1) is one more change, and the rule also takes the layer
      // just before it, the last MaxPool, before it stops at the 1×1 output.
      expect(resolveLayers(description, 'auto')).toEqual([...stageEnds, '/features/features.24/MaxPool_output_0']);
    } finally {
      await backend.dispose();
    }
  });

  it('gives exactly the five stage-ending ReLUs when the last pooling already reaches 1×1', async () => {
    const backend = await OnnxBackend.load({ bytes: buildVggLikeModel({ size: 32, widths }) });
    try {
      const stageEnds = [3, 8, 13, 18, 23].map((index) => `/features/features.${index}/Relu_output_0`);
      expect(resolveLayers(backend.description, 'auto')).toEqual(stageEnds);
    } finally {
      await backend.dispose();
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
    expect(same(buildVggLikeModel({ size: 32, widths, seed: 4 }), buildVggLikeModel({ size: 32, widths, seed: 4 }))).toBe(true);
    expect(same(buildVggLikeModel({ size: 32, widths, seed: 4 }), buildVggLikeModel({ size: 32, widths, seed: 5 }))).toBe(false);
  });
});
