import { describe, expect, it } from 'vitest';
import { OnnxBackend } from '../OnnxBackend.js';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { buildResNet50LikeModel } from './buildResNet50LikeModel.js';
import { expectUsefulClassifier } from './builderSpec.testkit.js';

/** The shape of each named layer output, as the ONNX backend describes the model. */
async function layerShapes(bytes: Uint8Array, names: readonly string[]): Promise<(readonly number[] | undefined)[]> {
  const backend = await OnnxBackend.load({ bytes });
  try {
    return names.map((name) => backend.description.layers.find((layer) => layer.name === `${name}_output_0`)?.shape);
  } finally {
    await backend.dispose();
  }
}

describe('buildResNet50LikeModel', () => {
  // One block per stage keeps the spec fast; the widths are ResNet-50's.
  const oneBlockEach = { blocksPerStage: [1, 1, 1, 1] };

  it('loads in onnxruntime with a symbolic batch, and its logits have a useful scale', async () => {
    await expectUsefulClassifier(buildResNet50LikeModel(oneBlockEach), 224, 10);
  });

  it("writes ResNet-50's shapes at 224×224: 64 channels at 112×112 after the stem, then 256 to 2 048 at 56 to 7", async () => {
    // 224 → conv1 (stride 2) 112 → maxpool 56 → layer1 56 → layer2 28 → layer3 14 → layer4 7;
    // each stage writes 4 × its inner width: 4·64, 4·128, 4·256, 4·512.
    const shapes = await layerShapes(buildResNet50LikeModel(oneBlockEach), [
      '/relu/Relu',
      '/maxpool/MaxPool',
      '/layer1/layer1.0/relu_1/Relu',
      '/layer1/layer1.0/relu_2/Relu',
      '/layer2/layer2.0/relu_1/Relu',
      '/layer2/layer2.0/relu_2/Relu',
      '/layer3/layer3.0/relu_2/Relu',
      '/layer4/layer4.0/relu/Relu',
      '/layer4/layer4.0/relu_2/Relu',
    ]);
    expect(shapes).toEqual([
      [64, 112, 112],
      [64, 56, 56],
      [64, 56, 56],
      [256, 56, 56],
      [128, 28, 28], // the 3×3 convolution halves the size
      [512, 28, 28],
      [1024, 14, 14],
      [512, 14, 14], // the first 1×1 convolution keeps its input's size
      [2048, 7, 7],
    ]);
  });

  it('has bottleneck blocks with projections only where the shape changes', () => {
    // Stem 8 channels; stage 1: inner 4, writes 16 (≠ 8: projected), two blocks; stage 2: inner 8,
    // writes 32 at half the size (projected).
    const bytes = buildResNet50LikeModel({ size: 64, stemWidth: 8, widths: [4, 8], blocksPerStage: [2, 1], classes: 3, batch: 1 });
    const summary = summarizeOnnxModel(bytes);
    const names = summary.nodes.map((node) => node.name);
    expect(names.slice(0, 3)).toEqual(['/conv1/Conv', '/relu/Relu', '/maxpool/MaxPool']);
    expect(names.slice(3, 11)).toEqual([
      '/layer1/layer1.0/conv1/Conv',
      '/layer1/layer1.0/relu/Relu',
      '/layer1/layer1.0/conv2/Conv',
      '/layer1/layer1.0/relu_1/Relu',
      '/layer1/layer1.0/conv3/Conv',
      '/layer1/layer1.0/downsample/downsample.0/Conv',
      '/layer1/layer1.0/Add',
      '/layer1/layer1.0/relu_2/Relu',
    ]);
    expect(names.filter((name) => name.includes('downsample'))).toEqual([
      '/layer1/layer1.0/downsample/downsample.0/Conv',
      '/layer2/layer2.0/downsample/downsample.0/Conv',
    ]);
    // The second block of stage 1 adds the identity: the first block's output.
    const identityAdd = summary.nodes.find((node) => node.name === '/layer1/layer1.1/Add')!;
    expect(identityAdd.inputs).toEqual(['/layer1/layer1.1/conv3/Conv_output_0', '/layer1/layer1.0/relu_2/Relu_output_0']);
    expect(names.slice(-3)).toEqual(['/avgpool/GlobalAveragePool', '/Flatten', '/fc/Gemm']);
    expect(summary.outputs[0]).toMatchObject({ name: 'logits', dims: [1, 3] });
  });

  it("has ResNet-50's 3, 4, 6 and 3 blocks per stage by default", () => {
    const summary = summarizeOnnxModel(buildResNet50LikeModel({ size: 32, stemWidth: 2, widths: [1, 1, 1, 1] }));
    const adds = summary.nodes.filter((node) => node.op === 'Add').map((node) => node.name);
    expect(adds).toHaveLength(3 + 4 + 6 + 3);
    expect(adds.filter((name) => name.startsWith('/layer3/'))).toHaveLength(6);
    expect(adds.at(-1)).toBe('/layer4/layer4.2/Add');
  });

  it('is deterministic for a seed and changes with it', () => {
    const small = (seed: number): Buffer => Buffer.from(buildResNet50LikeModel({ size: 32, stemWidth: 4, widths: [2, 2], blocksPerStage: [1, 1], seed }));
    expect(small(4).equals(small(4))).toBe(true);
    expect(small(4).equals(small(5))).toBe(false);
  });
});
