import { basename, resolve } from 'node:path';
import { PolycamError } from '@polycam/core';
import { parseInteger } from '../options/parseInteger.js';
import type { GivenTarget } from './GivenTarget.js';
import type { TargetCsv } from './TargetCsv.js';

/**
 * Finds each image's row of a `--classes` file: the row whose path (relative to the CSV's
 * folder) is the image's, or else the only row with the image's file name, so that a CSV of
 * bare file names serves images anywhere. Rows for other images are ignored; every image must
 * have one.
 *
 * @param images - The images, in order (relative to the working folder, or absolute).
 * @param csv - The file, read.
 * @returns Each image's target, in order: a class index for a `class` column, a `KIND:ARGUMENT`
 *   text whose relative paths start from the CSV's folder for a `target` column.
 * @throws {@link PolycamError} `invalid-argument` for an image without a row, an image whose
 *   file name several rows share, or a class that is not an integer ≥ 0.
 */
export function matchTargetCsv(images: readonly string[], csv: TargetCsv): GivenTarget[] {
  const byPath = new Map(csv.rows.map((row) => [row.image, row]));
  const byName = new Map<string, (typeof csv.rows)[number][]>();
  for (const row of csv.rows) byName.set(basename(row.image), [...(byName.get(basename(row.image)) ?? []), row]);
  const missing: string[] = [];
  const found = images.map((image) => {
    const row = byPath.get(resolve(image)) ?? byName.get(basename(image))?.[0];
    const named = byName.get(basename(image)) ?? [];
    if (!byPath.has(resolve(image)) && named.length > 1) {
      throw new PolycamError('invalid-argument', `--classes '${csv.file}': '${image}' matches no row by path and rows ${named.map((one) => one.line).join(', ')} by file name`);
    }
    if (row === undefined) missing.push(image);
    return row;
  });
  if (missing.length > 0) {
    const others = missing.length > 1 ? ` (and ${missing.length - 1} other image${missing.length === 2 ? '' : 's'})` : '';
    throw new PolycamError('invalid-argument', `--classes '${csv.file}' has no row for '${missing[0]}'${others}: every image needs its ${csv.column}`);
  }
  return found.map((row) => {
    const source = `--classes '${csv.file}' line ${row!.line}`;
    return csv.column === 'class'
      ? { target: { classIndex: parseInteger(`${source}: the class`, row!.value, 0) }, source }
      : { target: { target: row!.value, folder: csv.folder }, source };
  });
}
