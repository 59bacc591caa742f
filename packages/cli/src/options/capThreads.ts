import { availableParallelism } from 'node:os';

/**
 * Caps a `--threads` count at the machine's cores (`os.availableParallelism()`): more threads
 * than cores only slow onnxruntime and TF.js's WASM down, and thousands of them hang it.
 *
 * @param threads - The requested thread count.
 * @param warn - Told, in one line, when the count is capped.
 * @returns The count to use.
 */
export function capThreads(threads: number, warn: (line: string) => void): number {
  const cores = availableParallelism();
  if (threads <= cores) return threads;
  warn(`--threads ${threads} is more than this machine's ${cores} cores; using ${cores}`);
  return cores;
}
