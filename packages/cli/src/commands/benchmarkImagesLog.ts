import type { CliIo } from '../CliIo.js';

/**
 * Where `benchmark` and `sanity` report that the test split is being generated: one line on
 * standard error.
 *
 * @param io - The command's streams.
 * @returns A line writer.
 */
export function benchmarkImagesLog(io: CliIo): (line: string) => void {
  return (line) => io.stderr.write(`${line}\n`);
}
