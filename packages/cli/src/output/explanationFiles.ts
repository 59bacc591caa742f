import type { ExplainResult, ImagePixels } from '@polycam/core';
import { explanationRecord } from '@polycam/dataset';
import { renderOverlay } from '../image/renderOverlay.js';
import { explanationFileNames } from './explanationFileNames.js';
import type { OutputFile } from './OutputFile.js';

/**
 * Renders an image's explanation as files for `--out`: the jet overlay at the image's own
 * resolution, and a JSON summary with the class, score, layers, pass counts, the approximation
 * (null for an exact map) and time.
 *
 * @param folder - The output folder.
 * @param imagePath - The explained image's path.
 * @param image - Its decoded pixels.
 * @param result - The explanation.
 * @param details - Extra fields for the JSON (such as the model path).
 * @returns The two files, not yet written.
 */
export async function explanationFiles(
  folder: string,
  imagePath: string,
  image: ImagePixels,
  result: ExplainResult,
  details: Record<string, unknown>,
): Promise<OutputFile[]> {
  const names = explanationFileNames(folder, imagePath, result.method.preset);
  const summary = explanationRecord(imagePath, result, details);
  return [
    { path: names.overlay, bytes: await renderOverlay(image, result.map) },
    { path: names.summary, bytes: `${JSON.stringify(summary, null, 2)}\n` },
  ];
}
