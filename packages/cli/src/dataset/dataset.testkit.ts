// Helpers for the dataset command's specs: the real binary as a child process, and the attempts
// log that every worker appends to. Specs only.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/polycam.js', import.meta.url));

/**
 * How long a dataset spec may wait for a process or a condition before it gives up: a guard
 * against a hang, never an assertion on speed, so it is generous enough for a heavily loaded
 * 2-core machine (10 minutes).
 */
export const HANG_GUARD_MS = 600_000;

/** A running `polycam` process and its captured output. */
export interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the real `polycam` binary (the compiled dist/). */
export function startPolycam(args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let [stdout, stderr] = ['', ''];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** One line of a configuration folder's attempts.jsonl. */
export interface Attempt {
  readonly key: string;
  readonly outcome: 'done' | 'complete' | 'failed';
  readonly pid: number;
}

/** The attempts log's lines (none when it does not exist yet). */
export async function readAttempts(path: string): Promise<Attempt[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Attempt);
}

/** Polls `condition` every 20 ms until it holds. */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = HANG_GUARD_MS): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a process id is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs the real `polycam` binary to its end ({@link HANG_GUARD_MS} at most). */
export function runPolycam(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: HANG_GUARD_MS }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}
