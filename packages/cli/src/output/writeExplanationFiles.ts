import { basename, extname, join } from 'node:path';
import type { ExplainResult, ImagePixels } from '@polycam/core';
import { renderOverlay } from '../image/renderOverlay.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Writes an image's explanation into a folder: `<name>-<method>.png`, the jet overlay at the
 * image's own resolution, and `<name>-<method>.json`, the class, score, layers, pass counts and
 * time. Each file appears whole or not at all.
 *
 * @param folder - The output folder (created if needed).
 * @param imagePath - The explained image's path.
 * @param image - Its decoded pixels.
 * @param result - The explanation.
 * @param details - Extra fields for the JSON (such as the model path).
 * @returns The two paths written.
 */
export async function writeExplanationFiles(
  folder: string,
  imagePath: string,
  image: ImagePixels,
  result: ExplainResult,
  details: Record<string, unknown>,
): Promise<string[]> {
  const stem = basename(imagePath, extname(imagePath));
  const method = result.method.preset.replace('+', 'p').replace('-', 'm').replace('±', 'pm');
  const overlayPath = join(folder, `${stem}-${method}.png`);
  const jsonPath = join(folder, `${stem}-${method}.json`);
  const summary = {
    image: imagePath,
    ...details,
    method: result.method,
    class: result.classIndex,
    target: result.target,
    score: result.score,
    layers: result.layers,
    passes: result.passes,
    durationMs: Math.round(result.durationMs),
    mapSize: [result.map.height, result.map.width],
  };
  await writeFileAtomic(overlayPath, await renderOverlay(image, result.map));
  await writeFileAtomic(jsonPath, `${JSON.stringify(summary, null, 2)}\n`);
  return [overlayPath, jsonPath];
}
