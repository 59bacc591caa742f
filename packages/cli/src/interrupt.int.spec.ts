import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, writePng, writeTinyModel, type TempDir } from './cli.testkit.js';

// Ctrl-C on the real `polycam` binary (the compiled dist/, built with `tsc -b` when missing): SIGINT is sent once the command is under way, seen on disk, never after a fixed
// sleep; the command must exit 130 with one line and leave nothing behind.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/polycam.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./container/fixtures/', import.meta.url));

interface Interrupted {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts polycam, sends SIGINT once `started()` holds (polled), and waits for the exit. */
function interruptWhen(args: readonly string[], started: () => Promise<boolean>, env: NodeJS.ProcessEnv = {}): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exited = false;
    child.on('error', reject);
    child.on('exit', (code) => {
      exited = true;
      resolve({ code, stdout, stderr });
    });
    const poll = async (): Promise<void> => {
      if (exited) return;
      if (await started()) child.kill('SIGINT');
      else setTimeout(() => void poll().catch(reject), 20);
    };
    void poll().catch(reject);
  });
}

/** Whether a hidden temporary dataset folder next to `folder` holds a first PNG image. */
async function partialImages(parent: string, name: string, split: string): Promise<boolean> {
  const partial = (await readdir(parent)).find((entry) => entry.startsWith(`.${name}.partial-`));
  if (partial === undefined) return false;
  const files = await readdir(join(parent, partial, split)).catch(() => []);
  return files.some((file) => file.endsWith('.png'));
}

describe('Ctrl-C (SIGINT)', () => {
  let dir: TempDir;

  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)))) {
      execFileSync('npx', ['tsc', '-b'], { cwd: ROOT });
    }
    dir = await makeTempDir('polycam-sigint-');
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('stops generate-benchmark once images appear: exit 130, one line, no folder left', async () => {
    const args = ['generate-benchmark', '--out', dir.at('bench', 'data'), '--size', '48', '--train', '2000', '--validation', '0', '--test', '0'];
    const result = await interruptWhen([...args, '--validation-pairs', '0', '--test-pairs', '0'], async () =>
      existsSync(dir.at('bench')) ? partialImages(dir.at('bench'), 'data', 'train') : false,
    );
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'polycam: cancelled: the benchmark generation was cancelled\n' });
    expect(existsSync(dir.at('bench'))).toBe(false);
  });

  it("stops the benchmark's generation of its test split: exit 130, no data folder left", async () => {
    const result = await interruptWhen(['benchmark', '--data', dir.at('split'), '--images', '1'], async () => partialImages(dir.path, 'split', 'test'));
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').slice(-2)).toEqual(['polycam: cancelled: the benchmark generation was cancelled', '']);
    expect((await readdir(dir.path)).filter((entry) => entry.includes('split'))).toEqual([]);
  });

  it('stops explain during an explanation: exit 130, one line, no npz', async () => {
    const model = await writeTinyModel(dir.at('tiny.onnx'));
    const image = await writePng(dir.at('cat.png'), 40, 30);
    const marker = dir.at('explaining');
    const args = ['explain', image, '--model', model, '--plugin', `${FIXTURES}waitForInterruptPlugin.mjs`, '--strategy', 'wait-for-interrupt'];
    const result = await interruptWhen([...args, '--npz', dir.at('out', 'maps.npz')], async () => existsSync(marker), { POLYCAM_TEST_MARKER: marker });
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'polycam: cancelled: the explanation was cancelled\n' });
    expect(existsSync(dir.at('out'))).toBe(false);
  });
});
