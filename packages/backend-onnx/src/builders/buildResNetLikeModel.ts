import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { ResNetLikeOptions } from './ResNetLikeOptions.js';

/**
 * Adds one basic residual block and returns its output, named as torchvision's ResNet. With no
 * batch norm, each sum would add the branch's full scale to the block's input; `branchGain`
 * shrinks the branch's last convolution so that the logits stay of order one.
 */
function basicBlock(graph: OnnxGraphBuilder, input: string, width: number, stride: number, branchGain: number, scope: string): string {
  const branch = graph.conv(
    graph.relu(graph.conv(input, width, { kernel: 3, stride, pad: 1, scope: `${scope}/conv1` }), `${scope}/relu`),
    width,
    { kernel: 3, pad: 1, gain: branchGain, scope: `${scope}/conv2` },
  );
  const changesShape = stride !== 1 || graph.shapeOf(input)[0] !== width;
  const shortcut = changesShape ? graph.conv(input, width, { kernel: 1, stride, scope: `${scope}/downsample/downsample.0` }) : input;
  return graph.relu(graph.add(branch, shortcut, scope), `${scope}/relu_1`);
}

/**
 * Builds a ResNet-like classifier with random weights, named as PyTorch exports torchvision's
 * ResNet (without batch norms). The stem is a 7×7 convolution of stride 2 and padding 3
 * (`/conv1`), a ReLU (`/relu`) and a 3×3 max pooling of stride 2 and padding 1 (`/maxpool`). Stage
 * `s` (`/layer{s}`) is `blocksPerStage` basic blocks (`/layer{s}/layer{s}.{b}`: 3×3 conv `conv1`,
 * ReLU `relu`, 3×3 conv `conv2`, sum with the block's input or with a 1×1 projection
 * `downsample/downsample.0` when the shape changes, ReLU `relu_1`). The first stage keeps the
 * resolution; each later one halves it in its first block. A global average pooling, a flatten
 * and a fully connected layer (`/fc`) write the logits.
 *
 * @param options - Input size, stage widths, blocks per stage, classes, batch axis, seed.
 * @returns The `.onnx` model's bytes: input `input` `[batch, 3, size, size]`, output `logits`
 *   `[batch, classes]`.
 */
export function buildResNetLikeModel(options: ResNetLikeOptions = {}): Uint8Array {
  const { size = 224, widths = [16, 32, 64, 128], blocksPerStage = 1, classes = 10, batch = 'batch', seed = 0 } = options;
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, size, size], seed });
  const stem = graph.relu(graph.conv(graph.inputName, widths[0] ?? 16, { kernel: 7, stride: 2, pad: 3, scope: '/conv1' }), '/relu');
  let tensor = graph.maxPool(stem, { kernel: 3, stride: 2, pad: 1, scope: '/maxpool' });
  // Fixup's rule (Zhang et al., 2019) for two-layer branches: scale by 1/sqrt(number of blocks).
  const branchGain = 1 / Math.sqrt(widths.length * blocksPerStage);
  widths.forEach((width, stage) => {
    for (let block = 0; block < blocksPerStage; block += 1) {
      const stride = stage > 0 && block === 0 ? 2 : 1;
      tensor = basicBlock(graph, tensor, width, stride, branchGain, `/layer${stage + 1}/layer${stage + 1}.${block}`);
    }
  });
  const pooled = graph.flatten(graph.globalAveragePool(tensor, '/avgpool'), '');
  return graph.build(graph.gemm(pooled, classes, '/fc'));
}
