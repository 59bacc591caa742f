import { readFile } from 'node:fs/promises';

/**
 * A process's resident set size, from `/proc/<pid>/status` (Linux).
 *
 * @param pid - The process.
 * @returns Its RSS in MiB.
 */
export async function residentMemory(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kib / 1024;
}
