import { basename, extname, join } from 'node:path';
import { methodFilePart } from '@polycam/dataset';

/**
 * The file names an image's explanation gets in `--out`: `<stem>-<method>.png` and
 * `<stem>-<method>.json`, with the method id in readable ASCII: `pcampm`, `pcamp`, `pcamm` for
 * the Poly-CAM presets, `grad-cam`, `grad-campp`, `score-cam-softmax`, `camm` for the others.
 *
 * @param folder - The output folder.
 * @param imagePath - The explained image.
 * @param preset - The method's id (a preset's, or an attribution method's).
 * @returns The overlay's and the summary's paths.
 */
export function explanationFileNames(folder: string, imagePath: string, preset: string): { overlay: string; summary: string } {
  const stem = basename(imagePath, extname(imagePath));
  const method = methodFilePart(preset);
  return { overlay: join(folder, `${stem}-${method}.png`), summary: join(folder, `${stem}-${method}.json`) };
}
