import { createPolycamContainer, loadModel, TOKENS, type PassCount, type Tensor } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';

/**
 * Explains an image with explicit performance settings and reports what it cost: the channels
 * weighed (Σ K_l over the fused layers), the forward passes run and saved, and the time.
 *
 * @param modelPath - The `.onnx` file.
 * @param input - The preprocessed image.
 * @param settings - The method, onnxruntime's intra-op threads and the masked images per run.
 * @returns The cost of the explanation.
 */
export async function explainWithBudget(
  modelPath: string,
  input: Tensor,
  settings: { method: string; threads: number; batchSize: number },
): Promise<{ channels: number; passes: PassCount; durationMs: number }> {
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const backend = await loadModel(container, { path: modelPath }, { threads: settings.threads });
  try {
    const { stages, passes, durationMs } = await container
      .get(TOKENS.Explainer)
      .explain({ backend, input, method: settings.method, batchSize: settings.batchSize });
    const channels = stages.reduce((sum, stage) => sum + stage.weights.length, 0);
    return { channels, passes, durationMs };
  } finally {
    await backend.dispose();
  }
}
