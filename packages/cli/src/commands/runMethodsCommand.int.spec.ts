import { readFile } from 'node:fs/promises';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';

let dir: TempDir;
let model: string;
let image: string;

beforeAll(async () => {
  dir = await makeTempDir();
  model = await writeTinyModel(dir.at('tiny.onnx'));
  image = await writePng(dir.at('cat.png'), 32, 32, 3, 1);
});

afterAll(async () => {
  await dir?.remove();
});

describe('polycam methods', () => {
  it('lists presets and attribution methods with what they require', async () => {
    const run = await runCli(['methods']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n');
    const row = (id: string): string => rows.find((line) => line.trimStart().startsWith(`${id} `)) ?? '';
    for (const id of ['pcam±', 'pcam+', 'pcam-', 'score-cam', 'cam±', 'refine-cam±', 'rise', 'occlusion']) {
      expect(row(id)).toMatch(/forward(?!, gradients)/);
    }
    for (const id of ['grad-cam', 'grad-cam++', 'layer-cam', 'refine-cam']) {
      expect(row(id)).toContain('forward, gradients');
    }
    expect(row('rise')).toContain('attribution');
  });
});

describe('polycam explain --method', () => {
  it('refuses a gradient method on the ONNX backend with one line, exit 1 and no output', async () => {
    const out = dir.at('grad-out');
    const run = await runCli(['explain', image, '--model', model, '--method', 'grad-cam', '--out', out, '--npz', dir.at('grad.npz')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^polycam: .*grad-cam.*requires gradients.*'onnx'/);
    expect(run.stdout).toBe('');
    expect(await listTree(dir.path)).not.toContain('grad.npz');
  });

  it('runs Score-CAM on its last layer and writes its map', async () => {
    const npz = dir.at('score.npz');
    const run = await runCli(['explain', image, '--model', model, '--method', 'score-cam', '--npz', npz]);
    expect(run.code).toBe(0);
    const maps = decodeNpz(new Uint8Array(await readFile(npz)));
    const map = maps.get('cat.png')!;
    expect(map.shape).toEqual([32, 32]);
    expect(map.data.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(run.stdout).toMatch(/cat\.png\s+\d+\s+[\d.]+\s+1\s/); // one layer
  });

  it('runs RefineCAM with CVC weights on ONNX through its ASCII alias refinecam-pm: a min-max map, 0 to 1', async () => {
    const npz = dir.at('refine.npz');
    const run = await runCli(['explain', image, '--model', model, '--method', 'refinecam-pm', '--npz', npz]);
    expect(run.code, run.stderr).toBe(0);
    const map = decodeNpz(new Uint8Array(await readFile(npz))).get('cat.png')!;
    expect(map.shape).toEqual([32, 32]);
    expect(Math.min(...map.data)).toBe(0);
    expect(Math.max(...map.data)).toBeCloseTo(1, 5);
  });

  it('refuses refine-cam, whose Grad-CAM++ weights need gradients, on ONNX in one line', async () => {
    const run = await runCli(['explain', image, '--model', model, '--method', 'refine-cam', '--npz', dir.at('refine-grad.npz')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^polycam: error: .*'grad-cam\+\+'.*requires gradients.*'onnx'/);
    expect(await listTree(dir.path)).not.toContain('refine-grad.npz');
  });

  it('names the available methods for an unknown one', async () => {
    const run = await runCli(['explain', image, '--model', model, '--method', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^polycam: (error: )?unknown method 'nope' .*grad-cam.*rise/);
  });
});
