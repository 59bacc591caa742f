import { readFile, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { buildTfjsLayersCnn, writeTfjsGraphModel } from '@polycam/backend-tfjs/testing';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, parseLayersTable, runCli, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';

// `--backend tfjs`, `--tf-platform` and TF.js model.json files in `polycam layers` and `explain`.

describe('polycam on the TF.js backend', () => {
  let dir: TempDir;
  let layersModel: string;
  let graphModel: string;
  let image: string;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-cli-tfjs-');
    layersModel = await buildTfjsLayersCnn(dir.at('layers'), { size: 32, seed: 4 });
    graphModel = await writeTfjsGraphModel(dir.at('graph'), { size: 32, seed: 5 });
    image = await writePng(dir.at('image.png'), 40, 30, 3, 1);
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it('lists a LayersModel and a GraphModel, picking the TF.js backend from model.json and reporting the platform', async () => {
    const layers = await runCli(['layers', '--model', layersModel]);
    expect(layers.code).toBe(0);
    expect(layers.stdout.split('\n')[0]).toBe(`model ${layersModel} (tfjs on wasm): input 'image' 3×32×32 (NHWC, dynamic batch), output 'fc' with 5 values`);
    expect(parseLayersTable(layers.stdout).filter((row) => row.auto).map((row) => row.name)).toEqual(['relu1', 'relu2']);
    const graph = await runCli(['layers', '--model', graphModel, '--tf-platform', 'cpu']);
    expect(graph.code).toBe(0);
    expect(graph.stdout.split('\n')[0]).toContain('(tfjs on cpu)');
    expect(parseLayersTable(graph.stdout).map((row) => row.name)).toContain('block2/relu');
  });

  it('explains with a model.json as with --backend tfjs, and reports the platform on stderr', async () => {
    const auto = await runCli(['explain', image, '--model', layersModel, '--npz', dir.at('auto.npz')]);
    const named = await runCli(['explain', image, '--model', layersModel, '--backend', 'tfjs', '--tf-platform', 'wasm', '--npz', dir.at('named.npz')]);
    expect([auto.code, named.code]).toEqual([0, 0]);
    expect(auto.stderr).toBe('polycam: running on tfjs on wasm\n');
    const [a, b] = [decodeNpz(new Uint8Array(await readFile(dir.at('auto.npz')))), decodeNpz(new Uint8Array(await readFile(dir.at('named.npz'))))];
    expect(a.get('image.png')!.shape).toEqual([32, 32]);
    expect(Array.from(a.get('image.png')!.data)).toEqual(Array.from(b.get('image.png')!.data));
  });

  it('runs a gradient method on TF.js, and refuses it on ONNX before any inference', async () => {
    const tfjs = await runCli(['explain', image, '--model', graphModel, '--method', 'grad-cam']);
    expect(tfjs.code).toBe(0);
    const onnx = await runCli(['explain', image, '--model', await writeTinyModel(dir.at('tiny.onnx')), '--method', 'grad-cam', '--npz', dir.at('refused.npz')]);
    expect(onnx.code).not.toBe(0);
    expect(onnx.stderr).toMatch(/^polycam: error: .*requires gradients.*'onnx' backend/);
    expect(existsSync(dir.at('refused.npz'))).toBe(false);
  });

  it('refuses an unknown platform, node-gpu when not installed, and --tf-platform with ONNX, in one line each', async () => {
    for (const [argv, message] of [
      [['--tf-platform', 'gpu'], "unsupported TF.js platform 'gpu' (expected wasm, cpu, node, node-gpu)"],
      [['--tf-platform', 'node-gpu'], "TF.js platform 'node-gpu' needs @tensorflow/tfjs-node-gpu, which is not installed"],
      [['--backend', 'onnx', '--tf-platform', 'cpu'], "--tf-platform applies to the tfjs backend only, not to 'onnx'"],
      [['--backend', 'mxnet'], "no loaded backend module can load backend 'mxnet'"],
    ] as const) {
      const run = await runCli(['explain', image, ...argv, '--npz', dir.at('never.npz')]);
      expect(run.code, argv.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(message);
    }
    expect(existsSync(dir.at('never.npz'))).toBe(false);
  });

  it('refuses a model.json whose weight file is missing, writing nothing', async () => {
    const broken = await buildTfjsLayersCnn(dir.at('broken'), { size: 32 });
    await unlink(dir.at('broken', 'weights.bin'));
    const run = await runCli(['explain', image, '--model', broken, '--out', dir.at('never-out')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^polycam: error: weight file 'weights.bin' listed in .* is missing/);
    expect(existsSync(dir.at('never-out'))).toBe(false);
  });
});
