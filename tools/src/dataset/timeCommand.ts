import { spawn } from 'node:child_process';
import { polycamBin } from './polycamBin.js';

/**
 * Runs `polycam ARGS` to its end and times it, wall clock, from spawn to exit.
 *
 * @param args - The arguments.
 * @returns The milliseconds, and the exit status and output.
 * @throws Error when the command fails.
 */
export function timeCommand(args: readonly string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [polycamBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`polycam ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
    });
  });
}
