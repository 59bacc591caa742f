import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { polycamBin } from './polycamBin.js';
import { residentMemory } from './residentMemory.js';

/**
 * Runs `polycam dataset explain` with one worker on a folder and samples the worker's resident
 * memory when it has finished 1 job, `middle` jobs and every job, reading its pid and progress
 * from the attempts log; the worker is the same process throughout.
 *
 * @param input - The image folder.
 * @param out - A fresh output folder.
 * @param args - Further options (method, layers).
 * @param marks - The job counts at which to sample, ascending.
 * @returns The RSS in MiB at each mark, and the worker's pid (one pid for the whole run).
 */
export async function soakWorker(input: string, out: string, args: readonly string[], marks: readonly number[]): Promise<{ rss: number[]; pids: number }> {
  const child = spawn(process.execPath, [polycamBin, 'dataset', 'explain', input, '--out', out, '--workers', '1', ...args], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const rss: number[] = [];
  const pids = new Set<number>();
  let log = '';
  let finished = false;
  void exited.then(() => (finished = true));
  for (const mark of marks) {
    for (;;) {
      if (log === '') {
        const folder = (await readdir(out).catch(() => [])).find((name) => !name.includes('.'));
        if (folder !== undefined) log = join(out, folder, 'attempts.jsonl');
      }
      const lines = log === '' ? [] : (await readFile(log, 'utf8').catch(() => '')).split('\n').filter((line) => line.length > 0);
      for (const line of lines) pids.add((JSON.parse(line) as { pid: number }).pid);
      if (lines.length >= mark) {
        // The last mark is sampled before the worker is told to stop (it exits soon after).
        rss.push(await residentMemory([...pids][0]!).catch(() => Number.NaN));
        break;
      }
      if (finished) throw new Error(`the run ended after ${lines.length} jobs, before ${mark}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  await exited;
  return { rss, pids: pids.size };
}
