import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PolycamError } from '@polycam/core';
import { readFailureReason } from '../input/readFailureReason.js';
import type { TargetCsv } from './TargetCsv.js';

/** A field without the blanks around it and without the double quotes around it, if any. */
function field(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed;
}

/**
 * A row's two fields: the image up to the first comma outside double quotes, and the rest, so
 * that a target with commas (`detection:1:10,20,90,80`) needs no quotes.
 */
function splitRow(line: string): [string, string] | undefined {
  let quoted = false;
  for (let at = 0; at < line.length; at += 1) {
    if (line[at] === '"') quoted = !quoted;
    else if (line[at] === ',' && !quoted) return [field(line.slice(0, at)), field(line.slice(at + 1))];
  }
  return undefined;
}

/**
 * Reads a `--classes` file: a CSV whose header is `image,class` or `image,target`, then one
 * row per image: its path (relative to the CSV's folder, or absolute) and its class index or
 * `KIND:ARGUMENT` target. Blank lines are skipped; a field may be double-quoted, and the second
 * field is the whole rest of the line, commas included.
 *
 * @param file - The CSV file.
 * @returns The file's rows, with the images' absolute paths.
 * @throws {@link PolycamError} `file-not-found` for a file that cannot be read,
 *   `invalid-argument` for a bad header, a row without two fields or an image named twice.
 */
export async function readTargetCsv(file: string): Promise<TargetCsv> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PolycamError('file-not-found', `--classes '${file}' ${readFailureReason(error)}`, { cause: error });
  }
  const folder = dirname(resolve(file));
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => field(name).toLowerCase());
  if (header.length !== 2 || header[0] !== 'image' || (header[1] !== 'class' && header[1] !== 'target')) {
    throw new PolycamError('invalid-argument', `--classes '${file}' must start with the header 'image,class' or 'image,target', not '${lines[0] ?? ''}'`);
  }
  const rows: { image: string; value: string; line: number }[] = [];
  const seen = new Map<string, number>();
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.trim() === '') continue;
    const [image, value] = splitRow(line) ?? [];
    if (!image || !value) {
      throw new PolycamError('invalid-argument', `--classes '${file}' line ${index + 1}: expected 2 fields (${header.join(',')}), got '${line}'`);
    }
    const path = resolve(folder, image);
    const before = seen.get(path);
    if (before !== undefined) throw new PolycamError('invalid-argument', `--classes '${file}' line ${index + 1}: '${image}' has a row already, on line ${before}`);
    seen.set(path, index + 1);
    rows.push({ image: path, value, line: index + 1 });
  }
  return { file, folder, column: header[1], rows };
}
