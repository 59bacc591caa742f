import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../backend/LayerInfo.js';
import { discoverLayers } from './discoverLayers.js';

const layer = (name: string, shape: readonly number[], op?: string): LayerInfo => ({
  name,
  node: name.replace(/_output_0$/, ''),
  ...(op === undefined ? {} : { op }),
  shape,
});

/** torchvision's VGG16 as an ONNX export names it: features.0 … features.30, avgpool, classifier. */
function vgg16Layers(): LayerInfo[] {
  const stages: [channels: number, convs: number][] = [
    [64, 2],
    [128, 2],
    [256, 3],
    [512, 3],
    [512, 3],
  ];
  const layers: LayerInfo[] = [];
  let index = 0;
  let size = 224;
  for (const [channels, convs] of stages) {
    for (let conv = 0; conv < convs; conv += 1) {
      layers.push(layer(`/features/features.${index}/Conv_output_0`, [channels, size, size], 'Conv'));
      layers.push(layer(`/features/features.${index + 1}/Relu_output_0`, [channels, size, size], 'Relu'));
      index += 2;
    }
    size /= 2;
    layers.push(layer(`/features/features.${index}/MaxPool_output_0`, [channels, size, size], 'MaxPool'));
    index += 1;
  }
  layers.push(layer('/avgpool/AveragePool_output_0', [512, 7, 7], 'AveragePool'));
  layers.push(layer('/Flatten_output_0', [25088], 'Flatten'));
  layers.push(layer('/classifier/classifier.0/Gemm_output_0', [4096], 'Gemm'));
  layers.push(layer('/classifier/classifier.1/Relu_output_0', [4096], 'Relu'));
  layers.push(layer('/classifier/classifier.3/Gemm_output_0', [4096], 'Gemm'));
  layers.push(layer('/classifier/classifier.4/Relu_output_0', [4096], 'Relu'));
  layers.push(layer('logits', [1000], 'Gemm'));
  return layers;
}

/** A ResNet-18 with batch norm folded into the convolutions, in topological order. */
function resnet18Layers(): LayerInfo[] {
  const layers: LayerInfo[] = [
    layer('/conv1/Conv_output_0', [64, 112, 112], 'Conv'),
    layer('/relu/Relu_output_0', [64, 112, 112], 'Relu'),
    layer('/maxpool/MaxPool_output_0', [64, 56, 56], 'MaxPool'),
  ];
  const stages: [channels: number, size: number][] = [
    [64, 56],
    [128, 28],
    [256, 14],
    [512, 7],
  ];
  stages.forEach(([channels, size], stage) => {
    const name = `layer${stage + 1}`;
    for (let block = 0; block < 2; block += 1) {
      const prefix = `/${name}/${name}.${block}`;
      // In stages 2–4 the first conv of block 0 has stride 2, and a 1×1 stride-2 downsample runs
      // on the shortcut.
      layers.push(layer(`${prefix}/conv1/Conv_output_0`, [channels, size, size], 'Conv'));
      layers.push(layer(`${prefix}/relu/Relu_output_0`, [channels, size, size], 'Relu'));
      layers.push(layer(`${prefix}/conv2/Conv_output_0`, [channels, size, size], 'Conv'));
      if (stage > 0 && block === 0) {
        layers.push(layer(`${prefix}/downsample/downsample.0/Conv_output_0`, [channels, size, size], 'Conv'));
      }
      layers.push(layer(`${prefix}/Add_output_0`, [channels, size, size], 'Add'));
      layers.push(layer(`${prefix}/relu_1/Relu_output_0`, [channels, size, size], 'Relu'));
    }
  });
  layers.push(layer('/avgpool/GlobalAveragePool_output_0', [512, 1, 1], 'GlobalAveragePool'));
  layers.push(layer('/Flatten_output_0', [512], 'Flatten'));
  layers.push(layer('/fc/Gemm_output_0', [1000], 'Gemm'));
  return layers;
}

/** The reference fixture's SmallVGG, as the ONNX backend describes it (input 3×128×128). */
function smallVggLayers(): LayerInfo[] {
  const shapes: [string, readonly number[]][] = [
    ['/features/features.0/Conv_output_0', [16, 128, 128]],
    ['/features/features.1/Relu_output_0', [16, 128, 128]],
    ['/features/features.2/MaxPool_output_0', [16, 64, 64]],
    ['/features/features.3/Conv_output_0', [32, 64, 64]],
    ['/features/features.4/Relu_output_0', [32, 64, 64]],
    ['/features/features.5/MaxPool_output_0', [32, 32, 32]],
    ['/features/features.6/Conv_output_0', [64, 32, 32]],
    ['/features/features.7/Relu_output_0', [64, 32, 32]],
    ['/features/features.8/MaxPool_output_0', [64, 16, 16]],
    ['/features/features.9/Conv_output_0', [128, 16, 16]],
    ['/features/features.10/Relu_output_0', [128, 16, 16]],
    ['/features/features.11/MaxPool_output_0', [128, 8, 8]],
    ['/features/features.12/Conv_output_0', [128, 8, 8]],
    ['/features/features.13/Relu_output_0', [128, 8, 8]],
    ['/features/features.14/MaxPool_output_0', [128, 4, 4]],
    ['/avgpool/GlobalAveragePool_output_0', [128, 1, 1]],
    ['/flatten/Flatten_output_0', [128]],
    ['logits', [10]],
  ];
  return shapes.map(([name, shape]) => layer(name, shape));
}

describe('discoverLayers (METHOD.md target-layer discovery)', () => {
  it('picks the ReLU before each max-pool on VGG16 (conv1_2, conv2_2, conv3_3, conv4_3, conv5_3)', () => {
    expect(discoverLayers(vgg16Layers())).toEqual([
      '/features/features.3/Relu_output_0',
      '/features/features.8/Relu_output_0',
      '/features/features.15/Relu_output_0',
      '/features/features.22/Relu_output_0',
      '/features/features.29/Relu_output_0',
    ]);
  });

  it('reproduces the reference fixture\'s layers, ending with the max-pool before the 1×1 global pool', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../../../../fixtures/reference-smallvgg/fixture.json', import.meta.url), 'utf8'),
    ) as { layers: string[] };
    expect(fixture.layers.at(-1)).toBe('/features/features.14/MaxPool_output_0');
    expect(discoverLayers(smallVggLayers())).toEqual(fixture.layers);
  });

  it('gives the stem ReLU and the ends of stages 1–4 on ResNet-18', () => {
    expect(discoverLayers(resnet18Layers())).toEqual([
      '/relu/Relu_output_0',
      '/layer1/layer1.1/relu_1/Relu_output_0',
      '/layer2/layer2.1/relu_1/Relu_output_0',
      '/layer3/layer3.1/relu_1/Relu_output_0',
      '/layer4/layer4.1/relu_1/Relu_output_0',
    ]);
  });

  it('ignores channel-count changes at the same spatial size', () => {
    const layers = [
      layer('a', [8, 16, 16]),
      layer('b', [32, 16, 16]),
      layer('c', [4, 16, 16]),
      layer('d', [4, 8, 8]),
      layer('flat', [256]),
    ];
    expect(discoverLayers(layers)).toEqual(['c']);
  });

  it('stops right after taking the layer before a 1×1 output, even if spatial layers follow', () => {
    const layers = [
      layer('a', [8, 8, 8]),
      layer('b', [8, 4, 4]),
      layer('c', [8, 4, 4]),
      layer('pool', [8, 1, 1]),
      layer('up', [8, 2, 2]),
      layer('again', [8, 1, 1]),
    ];
    expect(discoverLayers(layers)).toEqual(['a', 'c']);
  });

  it('stops at the first output whose rank changes', () => {
    const layers = [
      layer('a', [8, 8, 8]),
      layer('b', [8, 4, 4]),
      layer('flat', [128]),
      layer('reshaped', [2, 8, 8]),
      layer('smaller', [2, 4, 4]),
    ];
    expect(discoverLayers(layers)).toEqual(['a']);
  });

  it('takes the layer before a global pool that drops the 1×1 axes (Keras and TF.js GlobalAveragePooling2D)', () => {
    // The same network as an ONNX export ([8,1,1] pool) and as a TF.js LayersModel ([8] pool).
    const onnx = [layer('c1', [4, 8, 8]), layer('r1', [4, 8, 8]), layer('p1', [4, 4, 4]), layer('c2', [8, 4, 4]), layer('r2', [8, 4, 4]), layer('gap', [8, 1, 1]), layer('fc', [3])];
    const tfjs = [layer('c1', [4, 8, 8]), layer('r1', [4, 8, 8]), layer('p1', [4, 4, 4]), layer('c2', [8, 4, 4]), layer('r2', [8, 4, 4]), layer('gap', [8]), layer('fc', [3])];
    expect(discoverLayers(onnx)).toEqual(['r1', 'r2']);
    expect(discoverLayers(tfjs)).toEqual(['r1', 'r2']);
    // A flatten ([K·h·w] values) is no global pool: Keras VGG16 keeps conv5_3, not block5_pool.
    expect(discoverLayers([layer('r1', [4, 8, 8]), layer('pool', [4, 4, 4]), layer('flat', [64])])).toEqual(['r1']);
  });

  it('walks past squeeze-and-excitation branches (a pool to [K,1,1] or [K] that rescales the same map)', () => {
    // An EfficientNet-like stem and two MBConv blocks, as an ONNX export lists them: each SE
    // pools the depthwise map, runs a two-layer MLP and a sigmoid, and multiplies the map back.
    const se = (scope: string, channels: number, size: number, pooled: (k: number) => number[]): LayerInfo[] => [
      layer(`${scope}/dw`, [channels, size, size]),
      layer(`${scope}/se/pool`, pooled(channels)),
      layer(`${scope}/se/fc1`, pooled(channels / 4)),
      layer(`${scope}/se/act`, pooled(channels / 4)),
      layer(`${scope}/se/fc2`, pooled(channels)),
      layer(`${scope}/se/gate`, pooled(channels)),
      layer(`${scope}/se/scale`, [channels, size, size]),
    ];
    const network = (pooled: (k: number) => number[]): LayerInfo[] => [
      layer('stem/conv', [16, 16, 16]),
      layer('stem/act', [16, 16, 16]),
      ...se('b1', 16, 16, pooled),
      layer('b1/project', [8, 16, 16]),
      layer('b2/expand', [32, 16, 16]),
      ...se('b2', 32, 8, pooled),
      layer('b2/project', [12, 8, 8]),
      layer('head', [48, 8, 8]),
      layer('pool', pooled(48)),
      layer('flat', [48]),
      layer('logits', [10]),
    ];
    // b2/expand is the last 16×16 layer (its depthwise convolution has stride 2), head the last
    // 8×8 one. Without the SE rule the walk stopped at b1's pool and took only b1/dw.
    const expected = ['b2/expand', 'head'];
    expect(discoverLayers(network((k) => [k, 1, 1]))).toEqual(expected);
    expect(discoverLayers(network((k) => [k]))).toEqual(expected);
  });

  it('ends at a global pool whose branch never comes back to the map, or comes back to another shape', () => {
    const layers = [layer('a', [8, 8, 8]), layer('b', [8, 4, 4]), layer('pool', [8, 1, 1]), layer('gate', [8, 1, 1])];
    expect(discoverLayers(layers)).toEqual(['a', 'b']);
    // Another channel count after the pool: an upsampling decoder, not channel attention.
    expect(discoverLayers([...layers, layer('decoded', [4, 4, 4])])).toEqual(['a', 'b']);
    // A spatial layer of another size between the pool and the map: not a branch of 1×1 layers.
    expect(discoverLayers([...layers.slice(0, 3), layer('up', [8, 2, 2]), layer('back', [8, 4, 4])])).toEqual(['a', 'b']);
  });

  it('returns nothing for a model without a spatial layer', () => {
    expect(discoverLayers([layer('fc1', [784]), layer('fc2', [128]), layer('logits', [10])])).toEqual([]);
    expect(discoverLayers([layer('seq', [4, 16]), layer('seq2', [4, 8]), layer('logits', [10])])).toEqual([]);
    expect(discoverLayers([])).toEqual([]);
  });

  it('falls back to the last spatial layer when the size never changes before the flatten', () => {
    const layers = [
      layer('conv', [8, 5, 5]),
      layer('relu', [8, 5, 5]),
      layer('conv2', [16, 5, 5]),
      layer('relu2', [16, 5, 5]),
      layer('flat', [400]),
      layer('logits', [10]),
    ];
    expect(discoverLayers(layers)).toEqual(['relu2']);
    expect(discoverLayers([layer('only', [3, 7, 7])])).toEqual(['only']);
  });
});
