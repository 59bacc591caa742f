import { createPolycamContainer, TOKENS, type ExplainResult, type ModelBackend, type Tensor } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { binaryMaskModule } from './binaryMaskModule.js';

/**
 * Explains an image with the new preset, on any backend.
 *
 * @param backend - The loaded model.
 * @param input - The preprocessed image.
 * @returns The explanation by `binary-pcam`.
 */
export async function explainWithBinaryMasks(backend: ModelBackend, input: Tensor): Promise<ExplainResult> {
  const container = await createPolycamContainer(polycamModule, binaryMaskModule);
  return container.get(TOKENS.Explainer).explain({ backend, input, method: 'binary-pcam' });
}
