import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, type CliRun, type TempDir } from '../cli.testkit.js';

describe('polycam benchmark and polycam sanity, on a few benchmark images', () => {
  let dir: TempDir;
  let benchmark: CliRun;
  let sanity: CliRun;
  let chosen: CliRun;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-benchmark-');
    benchmark = await runCli(['benchmark', '--data', dir.at('data'), '--images', '2', '--steps', '16', '--plot', dir.at('plot', 'curves.svg')]);
    chosen = await runCli(['benchmark', '--data', dir.at('data'), '--images', '1', '--steps', '8', '--methods', 'occlusion,pcam±-no-lnorm', '--road-percentiles', 'none', '--plot', dir.at('plot', 'chosen.svg')]);
    sanity = await runCli(['sanity', '--data', dir.at('data'), '--images', '1', '--samples', '2']);
  }, 240_000);
  afterAll(async () => {
    await dir.remove();
  });

  it('prints a Table-1-like row per method, with AUCs in [0,1], ins−del = ins − del, and localisation and cost columns', () => {
    expect(benchmark.code).toBe(0);
    const rows = benchmark.stdout.split('\n').filter((line) => /^(P?CAM|Score-CAM)/.test(line));
    expect(rows.map((row) => row.split(/\s{2,}/)[0])).toEqual([
      'PCAM+', 'PCAM−', 'PCAM±', 'PCAM± without LNorm', 'CAM+ (last layer)', 'CAM− (last layer)', 'CAM± (last layer)',
      'Score-CAM (last layer)',
    ]);
    for (const row of rows) {
      const [, insertion, deletion, difference, pointing, energy, passes, ms, morf, lerf, combined] = row.split(/\s{2,}/);
      for (const value of [insertion, deletion]) expect(Number(value)).toBeGreaterThanOrEqual(0);
      expect(Number(insertion)).toBeLessThanOrEqual(1);
      expect(Number(difference)).toBeCloseTo(Number(insertion) - Number(deletion), 2);
      expect(pointing).toMatch(/^\d+\.\d%$/);
      expect(energy).toMatch(/^\d+\.\d%$/);
      expect(Number(passes)).toBeGreaterThan(row.startsWith('Score-CAM') ? 1 : 100);
      expect(Number(ms)).toBeGreaterThan(0);
      // ROAD's score changes lie in [−1, 1]; combined is (LeRF − MoRF) / 2, each rounded to 3 decimals.
      for (const value of [morf, lerf, combined]) expect(Math.abs(Number(value))).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(combined) - (Number(lerf) - Number(morf)) / 2)).toBeLessThanOrEqual(0.0011);
    }
    expect(benchmark.stdout).toMatch(/ROAD MoRF ↓\s+ROAD LeRF ↑\s+ROAD combined ↑/);
    expect(benchmark.stdout).toContain('lower MoRF, higher LeRF and higher combined');
  });

  it('leaves ROAD out with --road-percentiles none', () => {
    expect(chosen.stdout).not.toMatch(/ROAD/);
  });

  it('skips the gradient methods on the ONNX backend, with a note', () => {
    expect(benchmark.stdout).not.toMatch(/Grad-CAM|Layer-CAM|RISE|Occlusion/);
    for (const label of ['Grad-CAM (last layer)', 'Grad-CAM++ (last layer)', 'Layer-CAM']) {
      expect(benchmark.stderr).toContain(`skipping ${label}: it requires gradients, which the 'onnx' backend does not provide`);
    }
  });

  it('runs the methods --methods names, RISE and Occlusion included', () => {
    expect(chosen.code).toBe(0);
    const rows = chosen.stdout.split('\n').filter((line) => /^(PCAM|Occlusion)/.test(line));
    expect(rows.map((row) => row.split(/\s{2,}/)[0])).toEqual(['PCAM± without LNorm', 'Occlusion']);
    expect(Number(rows[1]!.split(/\s{2,}/)[6])).toBe(401); // 20×20 patch positions at 128×128, and the unmasked pass
  });

  it('draws the mean curves as an SVG with one line per method in each panel', async () => {
    const svg = await readFile(dir.at('plot', 'curves.svg'), 'utf8');
    expect(svg.split('<polyline').length - 1).toBe(16);
    expect((await sharp(Buffer.from(svg)).metadata()).format).toBe('svg');
  });

  it('reports sensitivity-max and the randomisation correlations per preset', () => {
    expect(sanity.code).toBe(0);
    for (const method of ['pcam+', 'pcam-', 'pcam±']) {
      const rows = sanity.stdout.split('\n').filter((line) => line.startsWith(`${method} `));
      expect(rows).toHaveLength(2);
      const [stability, correlations] = rows.map((row) => row.split(/\s+/).slice(1).map(Number));
      expect(stability![0]).toBeGreaterThanOrEqual(0);
      expect(correlations!.length).toBeGreaterThanOrEqual(4);
      for (const value of correlations!) {
        expect(value).toBeGreaterThanOrEqual(-1);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});
