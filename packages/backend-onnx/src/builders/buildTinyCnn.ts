import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { TinyCnnOptions } from './TinyCnnOptions.js';

/**
 * Builds a tiny CNN with random weights for fast end-to-end tests: 3×3 conv (8 channels) + ReLU,
 * 2×2 max pooling, 3×3 conv (16) + ReLU, 2×2 max pooling, 3×3 conv (16) + ReLU, global average
 * pooling, flatten and a fully connected layer. Convolutions keep the size (padding 1); names
 * follow PyTorch's export of a `features` Sequential and a `classifier` Linear. An `NHWC` model
 * starts with a transpose to NCHW and has the same weights as the `NCHW` one.
 *
 * @param options - Input size, classes, batch axis, input layout and seed.
 * @returns The `.onnx` model's bytes: input `input` `[batch, 3, size, size]` (`[batch, size,
 *   size, 3]` for `NHWC`), output `logits` `[batch, classes]`.
 */
export function buildTinyCnn(options: TinyCnnOptions = {}): Uint8Array {
  const { size = 32, classes = 4, batch = 'batch', seed = 0, inputLayout = 'NCHW' } = options;
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, size, size], seed, inputLayout });
  let tensor = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, pad: 1, scope: '/features/features.0' }), '/features/features.1');
  tensor = graph.maxPool(tensor, { kernel: 2, stride: 2, scope: '/features/features.2' });
  tensor = graph.relu(graph.conv(tensor, 16, { kernel: 3, pad: 1, scope: '/features/features.3' }), '/features/features.4');
  tensor = graph.maxPool(tensor, { kernel: 2, stride: 2, scope: '/features/features.5' });
  tensor = graph.relu(graph.conv(tensor, 16, { kernel: 3, pad: 1, scope: '/features/features.6' }), '/features/features.7');
  const pooled = graph.flatten(graph.globalAveragePool(tensor, '/avgpool'), '');
  return graph.build(graph.gemm(pooled, classes, '/classifier'));
}
