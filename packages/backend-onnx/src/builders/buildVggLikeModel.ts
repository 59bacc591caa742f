import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { VggLikeOptions } from './VggLikeOptions.js';

/**
 * Builds a VGG-like classifier with random weights, named as PyTorch exports torchvision's VGG
 * (`/features/features.N/...`). Each stage is `convsPerStage` × (3×3 convolution, padding 1, then
 * ReLU) followed by a 2×2 max pooling of stride 2; then a global average pooling, a flatten and a
 * fully connected layer (`/classifier/classifier.0`) write the logits.
 *
 * @param options - Input size, stage widths, convolutions per stage, classes, batch axis, seed.
 * @returns The `.onnx` model's bytes: input `input` `[batch, 3, size, size]`, output `logits`
 *   `[batch, classes]`.
 */
export function buildVggLikeModel(options: VggLikeOptions = {}): Uint8Array {
  const { size = 224, widths = [16, 32, 64, 128, 128], convsPerStage = 2, classes = 10, batch = 'batch', seed = 0 } = options;
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, size, size], seed });
  let index = 0;
  const nextScope = (): string => `/features/features.${index++}`;
  let tensor = graph.inputName;
  for (const width of widths) {
    for (let conv = 0; conv < convsPerStage; conv += 1) {
      tensor = graph.conv(tensor, width, { kernel: 3, pad: 1, scope: nextScope() });
      tensor = graph.relu(tensor, nextScope());
    }
    tensor = graph.maxPool(tensor, { kernel: 2, stride: 2, scope: nextScope() });
  }
  const pooled = graph.flatten(graph.globalAveragePool(tensor, '/avgpool'), '');
  return graph.build(graph.gemm(pooled, classes, '/classifier/classifier.0'));
}
