import { PolycamError } from '@polycam/core';
import { benchmarkMethods } from '../benchmark/benchmarkMethods.js';

/** One row of {@link benchmarkMethods}. */
type BenchmarkRow = (typeof benchmarkMethods)[number];

/**
 * Parses `polycam benchmark --methods`: `default` (every row but RISE and Occlusion), `all`,
 * or comma-separated row keys (`pcam±,score-cam,rise`, ...), in the table's order.
 *
 * @param text - The text given, or undefined for `default`.
 * @returns The rows to report.
 * @throws {@link PolycamError} `invalid-argument` for an unknown key or an empty list.
 */
export function parseBenchmarkMethods(text: string | undefined): BenchmarkRow[] {
  const value = (text ?? 'default').trim();
  if (value === 'default') return benchmarkMethods.filter((row) => row.byDefault);
  if (value === 'all') return [...benchmarkMethods];
  const keys = value.split(',').map((key) => key.trim()).filter((key) => key.length > 0);
  const known = benchmarkMethods.map((row) => row.key as string);
  const unknown = keys.find((key) => !known.includes(key));
  if (unknown !== undefined || keys.length === 0) {
    throw new PolycamError(
      'invalid-argument',
      `--methods takes 'default', 'all' or a list of ${known.join(', ')}; got '${unknown ?? value}'`,
    );
  }
  return benchmarkMethods.filter((row) => keys.includes(row.key));
}
