import { createPolycamContainer, loadModel, TOKENS, type ExplainResult, type Tensor } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';

/**
 * Explains one preprocessed image, `[3, H, W]`, with PCAM± (the default method) for the class
 * the model predicts.
 *
 * @param modelPath - Your `.onnx` file.
 * @param input - The preprocessed image (see `readImageInput`).
 * @returns The saliency map and every fusion stage.
 */
export async function quickStart(modelPath: string, input: Tensor): Promise<ExplainResult> {
  // #region three-lines
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const backend = await loadModel(container, { path: modelPath });
  const result = await container.get(TOKENS.Explainer).explain({ backend, input });
  // #endregion three-lines
  await backend.dispose();
  return result;
}
