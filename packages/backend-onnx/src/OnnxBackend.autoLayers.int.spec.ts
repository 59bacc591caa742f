import { OnnxBackend } from '@polycam/backend-onnx';
import { OnnxGraphBuilder } from '@polycam/backend-onnx/builders';
import { resolveLayers, spatialResolutions, type InputLayout } from '@polycam/core';
import { describe, expect, it } from 'vitest';

/** What `--layers auto` picks on a built model, and the spatial sizes its layers reach. */
async function autoLayers(bytes: Uint8Array): Promise<{ auto: string[]; names: string[]; resolutions: number }> {
  const backend = await OnnxBackend.load({ bytes });
  try {
    const { layers } = backend.description;
    return { auto: resolveLayers(backend.description, 'auto'), names: layers.map((layer) => layer.name), resolutions: spatialResolutions(layers).length };
  } finally {
    await backend.dispose();
  }
}

/** A classifier head: global average pool, flatten, fully connected. */
function head(graph: OnnxGraphBuilder, features: string): Uint8Array {
  return graph.build(graph.gemm(graph.flatten(graph.globalAveragePool(features, '/avgpool'), ''), 5, '/classifier'));
}

/**
 * Squeeze-and-excitation as torchvision's EfficientNet and MobileNetV3 export it: pool the map to
 * [K,1,1], a 1×1 conv to K/4, ReLU, a 1×1 conv back to K, a sigmoid, and rescale the map.
 */
function squeezeExcitation(graph: OnnxGraphBuilder, map: string, scope: string): string {
  const channels = graph.shapeOf(map)[0]!;
  const pooled = graph.globalAveragePool(map, `${scope}/avgpool`);
  const squeezed = graph.relu(graph.conv(pooled, channels / 4, { kernel: 1, scope: `${scope}/fc1` }), `${scope}/activation`);
  const gate = graph.sigmoid(graph.conv(squeezed, channels, { kernel: 1, scope: `${scope}/fc2` }), `${scope}/scale_activation`);
  return graph.mul(map, gate, scope);
}

/** An EfficientNet-like MBConv: 1×1 expand, depthwise 3×3 (stride `stride`), SE, 1×1 project. */
function mbConv(graph: OnnxGraphBuilder, input: string, expanded: number, out: number, stride: number, scope: string): string {
  const expand = graph.relu(graph.conv(input, expanded, { kernel: 1, scope: `${scope}/expand` }), `${scope}/expand_act`);
  const depthwise = graph.relu(graph.conv(expand, expanded, { kernel: 3, stride, pad: 1, group: expanded, scope: `${scope}/dw` }), `${scope}/dw_act`);
  return graph.conv(squeezeExcitation(graph, depthwise, `${scope}/se`), out, { kernel: 1, scope: `${scope}/project` });
}

/** A MobileNetV2 inverted residual: 1×1 expand, depthwise 3×3, linear 1×1 project, and a sum when the shape is kept. */
function invertedResidual(graph: OnnxGraphBuilder, input: string, expanded: number, out: number, stride: number, scope: string): string {
  const expand = graph.relu(graph.conv(input, expanded, { kernel: 1, scope: `${scope}/expand` }), `${scope}/expand_act`);
  const depthwise = graph.relu(graph.conv(expand, expanded, { kernel: 3, stride, pad: 1, group: expanded, scope: `${scope}/dw` }), `${scope}/dw_act`);
  const project = graph.conv(depthwise, out, { kernel: 1, gain: 0.5, scope: `${scope}/project` });
  return stride === 1 && graph.shapeOf(input)[0] === out ? graph.add(project, input, scope) : project;
}

/** A DenseNet dense layer: ReLU, 1×1 bottleneck, ReLU, 3×3 conv to `growth` maps, appended to the input. */
function denseLayer(graph: OnnxGraphBuilder, input: string, growth: number, scope: string): string {
  const bottleneck = graph.conv(graph.relu(input, `${scope}/relu1`), 4 * growth, { kernel: 1, scope: `${scope}/conv1` });
  const grown = graph.conv(graph.relu(bottleneck, `${scope}/relu2`), growth, { kernel: 3, pad: 1, scope: `${scope}/conv2` });
  return graph.concat([input, grown], scope);
}

const name = (scope: string, op: string): string => `${scope}/${op}_output_0`;

describe('--layers auto on the blocks of common architectures (ONNX graphs built by hand)', () => {
  it('walks past squeeze-and-excitation blocks (EfficientNet, MobileNetV3) to the last layer of each resolution', async () => {
    // 3×32×32 → stem 16×16 → MBConv at 16×16 → MBConv stride 2 to 8×8 → MBConv stride 2 to 4×4 → head.
    const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 32, 32], seed: 31 });
    const stem = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, stride: 2, pad: 1, scope: '/stem' }), '/stem_act');
    const b1 = mbConv(graph, stem, 16, 8, 1, '/b1');
    const b2 = mbConv(graph, b1, 32, 12, 2, '/b2');
    const b3 = mbConv(graph, b2, 48, 16, 2, '/b3');
    const top = graph.relu(graph.conv(b3, 32, { kernel: 1, scope: '/top' }), '/top_act');
    const { auto, resolutions } = await autoLayers(head(graph, top));
    // The last 16×16 layer is b2's expand ReLU (its depthwise conv has stride 2), the last 8×8 one
    // b3's, the last 4×4 one the head's ReLU before the global pool. The walk used to stop at b1's
    // SE pool and pick only b1's depthwise ReLU.
    expect(auto).toEqual([name('/b2/expand_act', 'Relu'), name('/b3/expand_act', 'Relu'), name('/top_act', 'Relu')]);
    expect(resolutions).toBe(3);
  });

  it('picks the expand ReLU of each strided inverted residual on a MobileNetV2-like network', async () => {
    // 3×32×32 → stem 16×16 → residual block → stride 2 to 8×8 → residual block → stride 2 to 4×4 → 1×1 head conv.
    const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 32, 32], seed: 32 });
    const stem = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, stride: 2, pad: 1, scope: '/stem' }), '/stem_act');
    let tensor = invertedResidual(graph, stem, 16, 8, 1, '/b1');
    tensor = invertedResidual(graph, tensor, 16, 12, 2, '/b2');
    tensor = invertedResidual(graph, tensor, 24, 12, 1, '/b3');
    tensor = invertedResidual(graph, tensor, 24, 16, 2, '/b4');
    const top = graph.relu(graph.conv(tensor, 32, { kernel: 1, scope: '/top' }), '/top_act');
    const { auto } = await autoLayers(head(graph, top));
    expect(auto).toEqual([name('/b2/expand_act', 'Relu'), name('/b4/expand_act', 'Relu'), name('/top_act', 'Relu')]);
  });

  it('ignores the Transpose of an NHWC input: the same layers as the NCHW export', async () => {
    // A ResNet-like stem (conv stride 2, ReLU, max pool), one residual block and a head.
    const build = (inputLayout: InputLayout): Uint8Array => {
      const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 32, 32], seed: 33, inputLayout });
      const stem = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 7, stride: 2, pad: 3, scope: '/conv1' }), '/relu');
      const pooled = graph.maxPool(stem, { kernel: 3, stride: 2, pad: 1, scope: '/maxpool' });
      const branch = graph.conv(graph.relu(graph.conv(pooled, 8, { kernel: 3, pad: 1, scope: '/layer1/conv1' }), '/layer1/relu'), 8, { kernel: 3, pad: 1, gain: 0.5, scope: '/layer1/conv2' });
      return head(graph, graph.relu(graph.add(branch, pooled, '/layer1'), '/layer1/relu_1'));
    };
    const nchw = await autoLayers(build('NCHW'));
    const nhwc = await autoLayers(build('NHWC'));
    // The transposed image (3×32×32) used to be the first auto layer, before the stem's ReLU.
    expect(nhwc.auto).toEqual([name('/relu', 'Relu'), name('/layer1/relu_1', 'Relu')]);
    expect(nhwc.names).not.toContain(name('', 'Transpose'));
    expect(nhwc).toEqual(nchw);
  });

  it('picks the last layer before each transition on a DenseNet-like network of concatenations', async () => {
    // 3×32×32 → stem 16×16 → max pool 8×8 → dense block (2 layers) → transition to 4×4 → dense block → head.
    const graph = new OnnxGraphBuilder({ inputShape: [1, 3, 32, 32], seed: 34 });
    const stem = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, stride: 2, pad: 1, scope: '/features/conv0' }), '/features/relu0');
    let tensor = graph.maxPool(stem, { kernel: 2, stride: 2, scope: '/features/pool0' });
    tensor = denseLayer(graph, tensor, 4, '/features/denseblock1/denselayer1');
    tensor = denseLayer(graph, tensor, 4, '/features/denseblock1/denselayer2');
    const transition = graph.conv(graph.relu(tensor, '/features/transition1/relu'), 8, { kernel: 1, scope: '/features/transition1/conv' });
    tensor = graph.maxPool(transition, { kernel: 2, stride: 2, scope: '/features/transition1/pool' });
    tensor = denseLayer(graph, tensor, 4, '/features/denseblock2/denselayer1');
    const final = graph.relu(tensor, '/features/relu5');
    const { auto } = await autoLayers(head(graph, final));
    expect(graph.shapeOf(final)).toEqual([12, 4, 4]);
    expect(auto).toEqual([name('/features/relu0', 'Relu'), name('/features/transition1/conv', 'Conv'), name('/features/relu5', 'Relu')]);
  });
});
