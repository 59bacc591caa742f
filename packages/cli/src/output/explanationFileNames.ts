import { basename, extname, join } from 'node:path';

/**
 * A method id as a file-name part: `+` becomes `p`, `±` becomes `pm`, a minus sign (a `-` not
 * followed by a letter or digit) becomes `m`, a hyphen between words stays, letters are lowered
 * and any other character becomes `_`. So `pcam±` is `pcampm`, `pcam-` is `pcamm`, `grad-cam`
 * stays `grad-cam` and `grad-cam++` is `grad-campp`.
 */
function methodFilePart(id: string): string {
  return id
    .toLowerCase()
    .replace(/\+/g, 'p')
    .replace(/±/g, 'pm')
    .replace(/-(?![a-z0-9])/g, 'm')
    .replace(/[^a-z0-9._-]/g, '_')
    .replace(/^\./, '_');
}

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
