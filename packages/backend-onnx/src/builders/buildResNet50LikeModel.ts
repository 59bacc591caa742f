import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { ResNet50LikeOptions } from './ResNet50LikeOptions.js';

/**
 * Adds one bottleneck block (torchvision's `Bottleneck`, stride on the 3×3 convolution) and
 * returns its output. `branchGain` shrinks the branch's last convolution so that, without batch
 * norms, the sums stay of order one.
 */
function bottleneck(graph: OnnxGraphBuilder, input: string, inner: number, out: number, stride: number, branchGain: number, scope: string): string {
  const reduced = graph.relu(graph.conv(input, inner, { kernel: 1, scope: `${scope}/conv1` }), `${scope}/relu`);
  const spatial = graph.relu(graph.conv(reduced, inner, { kernel: 3, stride, pad: 1, scope: `${scope}/conv2` }), `${scope}/relu_1`);
  const branch = graph.conv(spatial, out, { kernel: 1, gain: branchGain, scope: `${scope}/conv3` });
  const changesShape = stride !== 1 || graph.shapeOf(input)[0] !== out;
  const shortcut = changesShape ? graph.conv(input, out, { kernel: 1, stride, scope: `${scope}/downsample/downsample.0` }) : input;
  return graph.relu(graph.add(branch, shortcut, scope), `${scope}/relu_2`);
}

/**
 * Builds a ResNet-50-like classifier with random weights, named as PyTorch exports torchvision's
 * ResNet-50 (without batch norms): the stem of {@link buildResNetLikeModel} (7×7 convolution of
 * stride 2 `/conv1`, ReLU `/relu`, 3×3 max pooling of stride 2 `/maxpool`), then stages
 * `/layer{s}` of bottleneck blocks `/layer{s}/layer{s}.{b}`: 1×1 conv `conv1` to the stage's
 * inner width, ReLU `relu`, 3×3 conv `conv2`, ReLU `relu_1`, 1×1 conv `conv3` to `expansion` ×
 * the inner width, sum with the block's input or with a 1×1 projection `downsample/downsample.0`
 * when the shape changes, ReLU `relu_2`. The first stage keeps the resolution; each later one
 * halves it in its first block. With the defaults at 224×224, the last stage writes 2 048
 * channels at 7×7. A global average pooling, a flatten and a fully connected layer (`/fc`) write
 * the logits.
 *
 * @param options - Input size, stem width, inner widths, expansion, blocks per stage, classes,
 *   batch axis, seed.
 * @returns The `.onnx` model's bytes: input `input` `[batch, 3, size, size]`, output `logits`
 *   `[batch, classes]`.
 */
export function buildResNet50LikeModel(options: ResNet50LikeOptions = {}): Uint8Array {
  const { size = 224, stemWidth = 64, widths = [64, 128, 256, 512], expansion = 4, blocksPerStage = [3, 4, 6, 3] } = options;
  const { classes = 10, batch = 'batch', seed = 0 } = options;
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, size, size], seed });
  const stem = graph.relu(graph.conv(graph.inputName, stemWidth, { kernel: 7, stride: 2, pad: 3, scope: '/conv1' }), '/relu');
  let tensor = graph.maxPool(stem, { kernel: 3, stride: 2, pad: 1, scope: '/maxpool' });
  // Fixup's rule (Zhang et al., 2019) for three-layer branches: scale by (number of blocks)^(-1/4).
  const blocks = widths.reduce((sum, _width, stage) => sum + (blocksPerStage[stage] ?? 1), 0);
  const branchGain = blocks ** -0.25;
  widths.forEach((inner, stage) => {
    for (let block = 0; block < (blocksPerStage[stage] ?? 1); block += 1) {
      const stride = stage > 0 && block === 0 ? 2 : 1;
      tensor = bottleneck(graph, tensor, inner, inner * expansion, stride, branchGain, `/layer${stage + 1}/layer${stage + 1}.${block}`);
    }
  });
  const pooled = graph.flatten(graph.globalAveragePool(tensor, '/avgpool'), '');
  return graph.build(graph.gemm(pooled, classes, '/fc'));
}
