import { csvField } from './csvField.js';
import { formatFloat32 } from './formatFloat32.js';

/**
 * Formats per-image values as the paper's CSV files, exactly as pandas writes
 * `DataFrame.from_dict(values, orient='index').to_csv(path)`: a header row with an empty first
 * cell and the column numbers `0, 1, …`, then one row per image, keyed by the image's file name.
 * An AUC file has one column; a details file has one column per step.
 *
 * @example
 * ```ts
 * formatMetricCsv(new Map([['cat.png', [0.61]]]));
 * // ",0\ncat.png,0.61\n"
 * ```
 *
 * @param rows - The values of each image, in file order.
 * @returns The CSV text.
 */
export function formatMetricCsv(rows: ReadonlyMap<string, ArrayLike<number>>): string {
  const columns = Math.max(0, ...[...rows.values()].map((values) => values.length));
  const header = ['', ...Array.from({ length: columns }, (_, index) => String(index))].join(',');
  const lines = [...rows].map(([name, values]) => [csvField(name), ...Array.from(values, formatFloat32)].join(','));
  return [header, ...lines].join('\n') + '\n';
}
