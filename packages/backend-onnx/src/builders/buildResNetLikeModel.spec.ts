import { resolveLayers } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { OnnxBackend } from '../OnnxBackend.js';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { buildResNetLikeModel } from './buildResNetLikeModel.js';
import { expectUsefulClassifier, logitsOf } from './builderSpec.testkit.js';

describe('buildResNetLikeModel', () => {
  it('loads in onnxruntime with a symbolic batch, and its logits have a useful scale', async () => {
    await expectUsefulClassifier(buildResNetLikeModel(), 224, 10);
  });

  it('has a stem, residual blocks with projections only where the shape changes, and a head', async () => {
    const bytes = buildResNetLikeModel({ size: 64, widths: [8, 16], blocksPerStage: 2, classes: 3, batch: 1 });
    const summary = summarizeOnnxModel(bytes);
    const names = summary.nodes.map((node) => node.name);
    expect(names.slice(0, 3)).toEqual(['/conv1/Conv', '/relu/Relu', '/maxpool/MaxPool']);
    expect(names.slice(3, 8)).toEqual([
      '/layer1/layer1.0/conv1/Conv',
      '/layer1/layer1.0/relu/Relu',
      '/layer1/layer1.0/conv2/Conv',
      '/layer1/layer1.0/Add',
      '/layer1/layer1.0/relu_1/Relu',
    ]);
    expect(names.filter((name) => name.includes('downsample'))).toEqual(['/layer2/layer2.0/downsample/downsample.0/Conv']);
    expect(names.slice(-3)).toEqual(['/avgpool/GlobalAveragePool', '/Flatten', '/fc/Gemm']);
    // The first block of the second stage adds its branch to the projection of its input.
    const add = summary.nodes.find((node) => node.name === '/layer2/layer2.0/Add')!;
    expect(add.inputs).toEqual(['/layer2/layer2.0/conv2/Conv_output_0', '/layer2/layer2.0/downsample/downsample.0/Conv_output_0']);
    // The second block adds the identity: the first block's output.
    const identityAdd = summary.nodes.find((node) => node.name === '/layer2/layer2.1/Add')!;
    expect(identityAdd.inputs[1]).toBe('/layer2/layer2.0/relu_1/Relu_output_0');
    expect(summary.initializers).toContain('layer2.1.conv2.weight');

    const session = await ort.InferenceSession.create(bytes);
    expect(session.inputMetadata[0]).toMatchObject({ name: 'input', shape: [1, 3, 64, 64] });
    expect(session.outputMetadata[0]).toMatchObject({ name: 'logits', shape: [1, 3] });
    await session.release();
    expect((await logitsOf(bytes, 1, 64)).dims).toEqual([1, 3]);
  });

  it('is described by the ONNX backend, whose automatic discovery picks the stem and the stage ends', async () => {
    const backend = await OnnxBackend.load({ bytes: buildResNetLikeModel({ size: 64 }) });
    try {
      const { description } = backend;
      expect(description.output).toEqual({ name: 'logits', shape: [10], size: 10 });
      const shapeOf = (name: string): readonly number[] | undefined => description.layers.find((layer) => layer.name === name)?.shape;
      expect(shapeOf('/relu/Relu_output_0')).toEqual([16, 32, 32]);
      expect(shapeOf('/maxpool/MaxPool_output_0')).toEqual([16, 16, 16]);
      expect(shapeOf('/layer4/layer4.0/relu_1/Relu_output_0')).toEqual([128, 2, 2]);
      // Discovery takes the layer before each change of spatial size: the stem ReLU (32×32, before
      // the max pooling halves it), the last ReLU of stages 1 to 3 (before the next stage's strided
      // first convolution) and the last ReLU of stage 4 (before the 1×1 global average pooling).
      // The max pooling itself is skipped: stage 1 keeps its 16×16 size.
      expect(resolveLayers(description, 'auto')).toEqual([
        '/relu/Relu_output_0',
        '/layer1/layer1.0/relu_1/Relu_output_0',
        '/layer2/layer2.0/relu_1/Relu_output_0',
        '/layer3/layer3.0/relu_1/Relu_output_0',
        '/layer4/layer4.0/relu_1/Relu_output_0',
      ]);
    } finally {
      await backend.dispose();
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
    expect(same(buildResNetLikeModel({ size: 32, seed: 4 }), buildResNetLikeModel({ size: 32, seed: 4 }))).toBe(true);
    expect(same(buildResNetLikeModel({ size: 32, seed: 4 }), buildResNetLikeModel({ size: 32, seed: 5 }))).toBe(false);
  });
});
