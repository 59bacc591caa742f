import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, writePng, writeTinyModel, type TempDir } from './cli.testkit.js';

// The real `polycam` binary, once: bin/polycam.js runs the compiled dist/ (built by `npm run
// build`; built here with `tsc -b` when missing).

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/polycam.js', import.meta.url));

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: ROOT, timeout: 60_000, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('bin/polycam.js', () => {
  let dir: TempDir;
  let model: string;
  let image: string;

  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)))) {
      const build = await run('npx', ['tsc', '-b']);
      expect(build.code, build.stdout + build.stderr).toBe(0);
    }
    dir = await makeTempDir('polycam-bin-');
    model = await writeTinyModel(dir.at('tiny.onnx'));
    image = await writePng(dir.at('cat.png'), 40, 30);
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await run(process.execPath, [BIN, '--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  // onnxruntime persists a telemetry device id under the home folder and warns on stderr when it
  // cannot (a user without a writable home, as `nobody`): polycam's stderr must hold only its own lines.
  it('prints nothing on stderr when onnxruntime cannot persist its telemetry id (no writable home)', async () => {
    const unwritable = '/proc/polycam-no-home';
    const env = { ...process.env, HOME: unwritable, XDG_CACHE_HOME: unwritable, XDG_DATA_HOME: unwritable, XDG_CONFIG_HOME: unwritable };
    const result = await run(process.execPath, [BIN, 'explain', image, '--model', model], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('explains an image into an npz and exits 0, with no progress bar on a pipe', async () => {
    const npz = dir.at('out', 'maps.npz');
    const result = await run(process.execPath, [BIN, 'explain', image, '--model', model, '--npz', npz]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^image\s+class\s+score/);
    expect(lines[1]).toMatch(new RegExp(`^${image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+[0-3]\\s+0\\.\\d{4}\\s+3\\s+\\d+/\\d+`));
    const maps = decodeNpz(new Uint8Array(await readFile(npz)));
    expect([...maps.keys()]).toEqual(['cat.png']);
    expect(maps.get('cat.png')!.shape).toEqual([32, 32]);
    expect(await listTree(dir.at('out'))).toEqual(['maps.npz']);
  });

  it('exits 1 with one line on stderr for a missing image, writing nothing', async () => {
    const result = await run(process.execPath, [BIN, 'explain', dir.at('ghost.png'), '--model', model, '--npz', dir.at('fail', 'maps.npz')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`polycam: error: image '${dir.at('ghost.png')}' does not exist\n`);
    expect(existsSync(dir.at('fail'))).toBe(false);
  });
});
