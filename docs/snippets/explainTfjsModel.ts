import { createPolycamContainer, loadModel, TOKENS, type ExplainResult, type ModelBackend, type Tensor } from '@polycam/core';
import { TfjsBackend, tfjsBackendModule, type TfjsPlatform } from '@polycam/backend-tfjs';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';

/**
 * Explains one preprocessed image, `[3, H, W]`, with a TF.js model: `loadModel` hands a path
 * ending in `.json` to the TF.js backend. With `baselinesModule` loaded, the gradient methods
 * (`grad-cam`, `grad-cam++`, `layer-cam`, `refine-cam`) work too, since the TF.js backend offers
 * gradients.
 *
 * @param modelPath - Your TF.js `model.json` (the weight files lie next to it).
 * @param input - The preprocessed image.
 * @param method - A method id, such as `pcam±` (the default) or `grad-cam`.
 * @returns The saliency map and every fusion stage.
 */
export async function explainTfjsModel(modelPath: string, input: Tensor, method = 'pcam±'): Promise<ExplainResult> {
  const container = await createPolycamContainer(polycamModule, baselinesModule, tfjsBackendModule);
  const backend = await loadModel(container, { path: modelPath });
  const result = await container.get(TOKENS.Explainer).explain({ backend, input, method });
  await backend.dispose();
  return result;
}

/**
 * Opens a TF.js model without a container, on a chosen TF.js platform.
 *
 * @param modelPath - The `model.json` file.
 * @param platform - `wasm`, `cpu`, or `node` / `node-gpu` when `@tensorflow/tfjs-node[-gpu]` is
 *   installed.
 * @returns The loaded backend; dispose it when done.
 */
export async function openTfjsModel(modelPath: string, platform: TfjsPlatform): Promise<ModelBackend> {
  return TfjsBackend.load({ path: modelPath }, { platform });
}
