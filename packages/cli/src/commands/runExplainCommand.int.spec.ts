import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Tensor } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, writeEarlyPoolModel, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';

// `polycam explain --fusion` and `--strategy`: any fusion or weighting strategy registered in the
// container, the bundled ones and a plugin's, and a usage error listing the registered ids for
// any other, before the model is even opened.

const fixtures = fileURLToPath(new URL('../container/fixtures/', import.meta.url));

describe('polycam explain --fusion and --strategy', () => {
  let dir: TempDir;
  let model: string;
  let image: string;
  let run = 0;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-explain-flags-');
    model = await writeTinyModel(dir.at('tiny.onnx'));
    image = await writePng(dir.at('scene.png'), 32, 32);
  });
  afterAll(() => dir?.remove());

  /** Explains the image on the tiny model with `extra` and returns its map. */
  async function mapWith(extra: readonly string[]): Promise<Tensor> {
    run += 1;
    const npz = dir.at(`map-${run}.npz`);
    const result = await runCli(['explain', image, '--model', model, ...extra, '--npz', npz]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return (await decodeNpz(new Uint8Array(await readFile(npz)))).get('scene.png')!;
  }

  it('warns once when auto picks fewer than 3 layers of more resolutions, and not for a last-layer preset', async () => {
    const early = await writeEarlyPoolModel(dir.at('early-pool.onnx'));
    const other = await writePng(dir.at('other.png'), 32, 32, 3, 1);
    const auto = await runCli(['explain', image, other, '--model', early, '--npz', dir.at('early-auto.npz')]);
    expect(auto.code).toBe(0);
    expect(auto.stderr).toBe(
      "polycam: warning: --layers auto picked only 2 layers on a model with 3 spatial resolutions; see 'polycam layers' and choose with --layers\n",
    );
    const last = await runCli(['explain', image, '--model', early, '--method', 'score-cam', '--npz', dir.at('early-last.npz')]);
    expect(last.code).toBe(0);
    expect(last.stderr).toBe('');
  });

  it("runs a plugin's fusion: own-layer gives exactly the single-layer maps, which differ from LNorm's", async () => {
    const plugin = ['--plugin', `${fixtures}ownLayerFusionPlugin.mjs`];
    const own = await mapWith([...plugin, '--fusion', 'own-layer']);
    const single = await mapWith(['--fusion', 'single-layer']);
    const lnorm = await mapWith([]);
    expect(own.shape).toEqual([32, 32]);
    expect(own.data).toEqual(single.data);
    expect(own.data).not.toEqual(lnorm.data);
  });

  it("overrides the preset's strategy: pcam± with --strategy cic is pcam+, and a plugin's strategy runs too", async () => {
    const cic = await mapWith(['--method', 'pcam±', '--strategy', 'cic']);
    expect(cic.data).toEqual((await mapWith(['--method', 'pcam+'])).data);
    expect(cic.data).not.toEqual((await mapWith(['--method', 'pcam±'])).data);
    const plugin = ['--plugin', `${fixtures}meanCamPlugin.mjs`];
    const mean = await mapWith([...plugin, '--method', 'pcam±', '--strategy', 'activation-mean']);
    expect(mean.data).toEqual((await mapWith([...plugin, '--method', 'mean-cam'])).data);
  });

  it.each([
    [['--fusion', 'xyz'], "polycam: error: option '--fusion <id>' argument 'xyz' is invalid. Registered fusions: lnorm, no-lnorm, single-layer, layer-cam-max, refine, own-layer."],
    [['--strategy', 'xyz'], "polycam: error: option '--strategy <id>' argument 'xyz' is invalid. Registered weighting strategies: "],
  ])('refuses %j as an invalid value listing the registered ids, before opening the model', async (extra, message) => {
    const out = dir.at('refused');
    const result = await runCli([
      'explain', image, '--model', dir.at('no-such-model.onnx'), '--plugin', `${fixtures}ownLayerFusionPlugin.mjs`, ...extra, '--out', out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const [line, rest] = result.stderr.split('\n');
    expect(line!.startsWith(message)).toBe(true);
    expect(rest).toBe('');
    expect((await listTree(dir.path)).filter((path) => path.startsWith('refused'))).toEqual([]);
  });

  it('lists every registered strategy when refusing one', async () => {
    const result = await runCli(['explain', image, '--model', model, '--strategy', 'xyz']);
    const listed = /Registered weighting strategies: (.*)\.$/.exec(result.stderr.trim())![1]!.split(', ');
    expect(listed).toEqual(expect.arrayContaining(['cic', 'cdc', 'cvc', 'score-cam', 'grad-cam']));
    expect(listed).not.toContain('activation-mean'); // a plugin's, and the plugin is not loaded
  });
});
