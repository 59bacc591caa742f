import { PolycamError } from '@polycam/core';
import type { BenchmarkRow } from '@polycam/benchmark';

/**
 * Parses `polycam benchmark --methods`: `default` (the rows run by default: the paper's table
 * but RISE and Occlusion), `all` (the paper's whole table), or comma-separated row keys
 * (`pcam±,score-cam,rise`, or any other registered method), in the table's order.
 *
 * @param text - The text given, or undefined for `default`.
 * @param rows - The rows there are (see `benchmarkRows`), in table order.
 * @returns The rows to report.
 * @throws {@link PolycamError} `invalid-argument` for an unknown key or an empty list.
 */
export function parseBenchmarkMethods(text: string | undefined, rows: readonly BenchmarkRow[]): BenchmarkRow[] {
  const value = (text ?? 'default').trim();
  if (value === 'default') return rows.filter((row) => row.byDefault);
  if (value === 'all') return rows.filter((row) => row.inPaperTable);
  const keys = value.split(',').map((key) => key.trim()).filter((key) => key.length > 0);
  const known = rows.map((row) => row.key);
  const unknown = keys.find((key) => !known.includes(key));
  if (unknown !== undefined || keys.length === 0) {
    throw new PolycamError(
      'invalid-argument',
      `--methods takes 'default', 'all' or a list of ${known.join(', ')}; got '${unknown ?? value}'`,
    );
  }
  return rows.filter((row) => keys.includes(row.key));
}
