import { createPolycamContainer, loadModel, TOKENS, type ExplainResult, type Map2D, type Tensor } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';

/**
 * Explains what makes a segmentation model label a region as one class: the summed per-pixel
 * probability of the class over a mask, or over the pixels the model predicts as the class.
 *
 * @param modelPath - An `.onnx` file whose output is `[N, C, H, W]` logits.
 * @param input - The preprocessed image.
 * @param classIndex - The class, a channel of the output.
 * @param region - Optional mask (non-zero pixels are in); resized nearest-neighbour to H×W.
 * @returns The explanation; `result.score` is the region's summed probability.
 */
export async function explainSegmentationRegion(modelPath: string, input: Tensor, classIndex: number, region?: Map2D): Promise<ExplainResult> {
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const backend = await loadModel(container, { path: modelPath });
  try {
    const target = { kind: 'segmentation', options: region === undefined ? { classIndex } : { classIndex, region } };
    return await container.get(TOKENS.Explainer).explain({ backend, input, method: 'pcam±', target });
  } finally {
    await backend.dispose();
  }
}
