import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { BuiltModelOptions } from './BuiltModelOptions.js';
import type { OnnxGraphBuilderOptions } from './OnnxGraphBuilderOptions.js';

/**
 * Builds a tiny semantic-segmentation network with random weights, shaped like a PyTorch export
 * of a small fully convolutional model: 3×3 conv (8 channels) + ReLU, 2×2 max pooling, 3×3 conv
 * (16) + ReLU, a 1×1 conv to one logit per class, and a bilinear ×2 `Resize` back to the input's
 * size (`align_corners=False`). Its output is per-pixel class logits, as torchvision's
 * segmentation models give them.
 *
 * @param options - Input size (even; default 32), classes (default 3), batch axis, seed, and
 *   whether the height and width are dynamic axes (the `Resize` scales, so the net runs at any
 *   even size).
 * @returns The `.onnx` model's bytes: input `input` `[batch, 3, size, size]`, output `out`
 *   `[batch, classes, size, size]`.
 */
export function buildTinySegmenter(options: BuiltModelOptions & Pick<OnnxGraphBuilderOptions, 'dynamicSize'> = {}): Uint8Array {
  const { size = 32, classes = 3, batch = 'batch', seed = 0, dynamicSize = false } = options;
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, size, size], seed, outputName: 'out', dynamicSize });
  let tensor = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, pad: 1, scope: '/backbone/conv1' }), '/backbone/relu1');
  tensor = graph.maxPool(tensor, { kernel: 2, stride: 2, scope: '/backbone/pool' });
  tensor = graph.relu(graph.conv(tensor, 16, { kernel: 3, pad: 1, scope: '/backbone/conv2' }), '/backbone/relu2');
  const logits = graph.conv(tensor, classes, { kernel: 1, scope: '/classifier' });
  return graph.build(graph.resize(logits, 2, '/upsample'));
}
