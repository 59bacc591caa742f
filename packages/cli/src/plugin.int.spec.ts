import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, parseLayersTable, runCli, writePng, type TempDir } from './cli.testkit.js';

// `polycam explain --plugin` and `polycam methods --plugin`, end to end in process, on the bundled demo model: a third-party
// package (Faster Poly-CAM, by name), a one-file JavaScript plugin (by path), and the one-line
// errors for plugins that are missing or export no container module.

const fixtures = fileURLToPath(new URL('./container/fixtures/', import.meta.url));

/** The "passes run/saved" cell of each row of the explain table. */
function passesOf(stdout: string): { run: number; saved: number }[] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [run, saved] = row.split(/\s{2,}/)[4]!.split('/').map(Number);
      return { run: run!, saved: saved! };
    });
}

describe('polycam explain --plugin', () => {
  let dir: TempDir;
  let image: string;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-plugin-');
    image = await writePng(dir.at('scene.png'), 128, 128);
  });
  afterAll(() => dir?.remove());

  it('loads a plugin package by name and runs its preset, with fewer passes than the method it speeds up', async () => {
    const full = await runCli(['explain', image, '--method', 'pcam±', '--npz', dir.at('full.npz')]);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const faster = await runCli(['explain', image, '--plugin', '@polycam-examples/faster-polycam', '--method', 'fpcam±', '--npz', dir.at('faster.npz')]);
    expect(faster.stderr).toBe('');
    expect(faster.code).toBe(0);
    // One unmasked pass, then two masked images per channel: all K channels of each auto layer
    // for PCAM±, at most 16 (the documented default) for Faster Poly-CAM.
    const layers = parseLayersTable((await runCli(['layers'])).stdout).filter((layer) => layer.auto);
    const channels = layers.map((layer) => Number(layer.shape.split('×')[0]));
    expect(Math.max(...channels)).toBeGreaterThan(16);
    const [fullPasses] = passesOf(full.stdout);
    const [fasterPasses] = passesOf(faster.stdout);
    expect(fullPasses!.run + fullPasses!.saved).toBe(1 + channels.reduce((sum, k) => sum + 2 * k, 0));
    expect(fasterPasses!.run + fasterPasses!.saved).toBe(1 + channels.reduce((sum, k) => sum + 2 * Math.min(k, 16), 0));
    const fullMap = (await decodeNpz(new Uint8Array(await readFile(dir.at('full.npz'))))).get('scene.png')!;
    const fasterMap = (await decodeNpz(new Uint8Array(await readFile(dir.at('faster.npz'))))).get('scene.png')!;
    expect(fasterMap.shape).toEqual(fullMap.shape);
    expect(fasterMap.data).not.toEqual(fullMap.data);
  });

  it('loads a backend plugin next to a strategy plugin, and --backend picks it', async () => {
    const plugins = ['--plugin', '@polycam/backend-onnx-web', '--plugin', '@polycam-examples/faster-polycam', '--method', 'fpcam±'];
    const web = await runCli(['explain', image, ...plugins, '--backend', 'onnxruntime-web', '--npz', dir.at('web.npz')]);
    expect(web.stderr).toBe('');
    expect(web.code).toBe(0);
    const native = await runCli(['explain', image, ...plugins, '--npz', dir.at('native.npz')]);
    expect(native.code).toBe(0);
    const [webMap, nativeMap] = await Promise.all(
      ['web.npz', 'native.npz'].map(async (file) => (await decodeNpz(new Uint8Array(await readFile(dir.at(file))))).get('scene.png')!),
    );
    const worst = webMap!.data.reduce((max, value, index) => Math.max(max, Math.abs(value - nativeMap!.data[index]!)), 0);
    expect(worst).toBeLessThan(1e-3);
  });

  it('loads a one-file plugin by path, written against the public API only', async () => {
    const run = await runCli(['explain', image, '--plugin', `${fixtures}meanCamPlugin.mjs`, '--method', 'mean-cam']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(passesOf(run.stdout)).toEqual([{ run: 1, saved: 0 }]); // the unmasked pass only
  });

  it('lists a plugin\'s methods in polycam methods --plugin, and only with it', async () => {
    const listed = await runCli(['methods', '--plugin', '@polycam-examples/faster-polycam']);
    expect(listed.code).toBe(0);
    const rows = listed.stdout.split('\n').map((row) => row.split(/\s{2,}/));
    expect(rows.filter((row) => row[0]?.startsWith('fpcam')).map((row) => row[0])).toEqual(['fpcam+', 'fpcam-', 'fpcam±']);
    expect(rows.find((row) => row[0] === 'pcam±')).toBeDefined();
    expect((await runCli(['methods'])).stdout).not.toMatch(/fpcam/);
  });

  it('does not know a plugin preset without its plugin', async () => {
    const run = await runCli(['explain', image, '--method', 'fpcam±']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^polycam: error: .*fpcam±/);
  });

  it.each([
    ['a missing file', './no/such/plugin.js', /^polycam: error: plugin '\.\/no\/such\/plugin\.js' not found: no file at /],
    ['a missing package', 'no-such-polycam-plugin', /^polycam: error: plugin 'no-such-polycam-plugin' not found: it is neither a file nor an installed package$/],
    ['a module without a container module', `${fixtures}notAPlugin.mjs`, /^polycam: error: plugin '.*notAPlugin\.mjs' exports no container module: export one as 'polycamPlugin' or as the default export$/],
  ])('refuses %s in one line, with no output file', async (_, plugin, message) => {
    const out = dir.at(`out-${plugin.length}`);
    const run = await runCli(['explain', image, '--plugin', plugin, '--out', out, '--npz', dir.at(`bad-${plugin.length}.npz`)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const [line, rest] = run.stderr.split('\n');
    expect(line).toMatch(message);
    expect(rest).toBe('');
    expect((await listTree(dir.path)).filter((path) => path.startsWith('out-') || path.startsWith('bad-'))).toEqual([]);
  });
});
