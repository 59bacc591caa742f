import { basename, extname, join } from 'node:path';

/**
 * The file names an image's explanation gets in `--out`: `<stem>-<method>.png` and
 * `<stem>-<method>.json`, with the method in ASCII (`pcamp`, `pcamm`, `pcampm`).
 *
 * @param folder - The output folder.
 * @param imagePath - The explained image.
 * @param preset - The method's preset id.
 * @returns The overlay's and the summary's paths.
 */
export function explanationFileNames(folder: string, imagePath: string, preset: string): { overlay: string; summary: string } {
  const stem = basename(imagePath, extname(imagePath));
  const method = preset.replace('+', 'p').replace('-', 'm').replace('±', 'pm');
  return { overlay: join(folder, `${stem}-${method}.png`), summary: join(folder, `${stem}-${method}.json`) };
}
