import { readFile } from 'node:fs/promises';
import {
  createPolycamContainer,
  imagenetStatistics,
  loadModel,
  preprocessImage,
  TOKENS,
  type ExplainResult,
  type ImagePixels,
  type LayerSelection,
  type Tensor,
} from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { resizeBilinear } from '@polycam/core/kernels';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import sharp from 'sharp';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listTree,
  makeTempDir,
  parseLayersTable,
  patternPixels,
  runCli,
  TextCollector,
  writeJpeg,
  writePng,
  writeTinyModel,
  type CliRun,
  type TempDir,
} from './cli.testkit.js';
import { jetColor } from '@polycam/core/kernels';

// End to end, in process: `main(argv, io)` on a tiny ONNX CNN (32×32 RGB input, 4 classes) and
// three images that need resizing: a non-square PNG, a JPEG and a greyscale PNG.

interface TestImage {
  readonly file: string;
  readonly stem: string;
  readonly width: number;
  readonly height: number;
}

const IMAGES: readonly TestImage[] = [
  { file: 'wide.png', stem: 'wide', width: 40, height: 24 },
  { file: 'photo.jpg', stem: 'photo', width: 48, height: 48 },
  { file: 'grey.png', stem: 'grey', width: 20, height: 30 },
];

interface TableRow {
  readonly image: string;
  readonly class: string;
  readonly score: string;
  readonly layers: string;
  readonly passes: string;
}

function parseExplainTable(stdout: string): TableRow[] {
  const [header, ...rows] = stdout.trimEnd().split('\n');
  expect(header?.split(/\s{2,}/)).toEqual(['image', 'class', 'score', 'layers', 'passes run/saved', 'approximation', 'ms']);
  return rows.map((row) => {
    const cells = row.split(/\s{2,}/);
    expect(cells).toHaveLength(7);
    expect(cells[5]).toBe('exact');
    return { image: cells[0]!, class: cells[1]!, score: cells[2]!, layers: cells[3]!, passes: cells[4]! };
  });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let index = 0; index < a.length; index += 1) worst = Math.max(worst, Math.abs(a[index]! - b[index]!));
  return worst;
}

async function readNpz(path: string): Promise<Map<string, Tensor>> {
  return decodeNpz(new Uint8Array(await readFile(path)));
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

function expectSuccess(run: CliRun): void {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
}

describe('polycam explain, end to end on a tiny CNN', () => {
  let dir: TempDir;
  let model: string;
  let paths: string[];
  let baseline: CliRun;
  let baselineMaps: Map<string, Tensor>;

  beforeAll(async () => {
    dir = await makeTempDir();
    model = await writeTinyModel(dir.at('tiny.onnx'));
    await writePng(dir.at('wide.png'), 40, 24, 3, 1);
    await writeJpeg(dir.at('photo.jpg'), 48, 48, 2);
    await writePng(dir.at('grey.png'), 20, 30, 1, 3);
    expect((await sharp(dir.at('grey.png')).metadata()).channels).toBe(1);
    paths = IMAGES.map((image) => dir.at(image.file));
    baseline = await runCli(['explain', ...paths, '--model', model, '--npz', dir.at('npz', 'maps.npz'), '--out', dir.at('out')]);
    expectSuccess(baseline);
    baselineMaps = await readNpz(dir.at('npz', 'maps.npz'));
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('uses the bundled demo model when --model is not given', async () => {
    const run = await runCli(['explain', paths[0]!, '--out', dir.at('bundled')]);
    expectSuccess(run);
    const summary = JSON.parse(await readFile(dir.at('bundled', 'wide-pcampm.json'), 'utf8')) as { model: string; layers: string[] };
    expect(summary.model).toBe(bundledDemoModel().modelPath);
    expect(summary.layers).toEqual(bundledDemoModel().metadata.recommendedLayers);
  });

  it('prints one table row per image, in order, with the class, score, layers and passes', () => {
    const rows = parseExplainTable(baseline.stdout);
    expect(rows.map((row) => row.image)).toEqual(paths);
    for (const row of rows) {
      expect(row.class).toMatch(/^[0-3]$/);
      expect(Number(row.score)).toBeGreaterThan(0);
      expect(Number(row.score)).toBeLessThanOrEqual(1);
      expect(row.layers).toBe('3');
      expect(row.passes).toMatch(/^\d+\/\d+$/);
    }
  });

  it('writes an npz with one float32 H×W map in [0,1] per image, keyed by the file name', () => {
    expect([...baselineMaps.keys()]).toEqual(['wide.png', 'photo.jpg', 'grey.png']);
    for (const map of baselineMaps.values()) {
      expect(map.shape).toEqual([32, 32]);
      expect(map.data).toBeInstanceOf(Float32Array);
      const values = Array.from(map.data);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThanOrEqual(1);
      expect(Math.max(...values)).toBeGreaterThan(0.5); // a real map, not all zeros
    }
    // Different images give different maps.
    expect(maxAbsDiff(baselineMaps.get('wide.png')!.data, baselineMaps.get('photo.jpg')!.data)).toBeGreaterThan(1e-3);
  });

  it('writes exactly an overlay PNG and a JSON per image into --out, and nothing else', async () => {
    expect(await listTree(dir.at('out'))).toEqual(
      ['grey-pcampm.json', 'grey-pcampm.png', 'photo-pcampm.json', 'photo-pcampm.png', 'wide-pcampm.json', 'wide-pcampm.png'],
    );
    expect(await listTree(dir.at('npz'))).toEqual(['maps.npz']);
  });

  it("writes each overlay at the original image's size", async () => {
    for (const image of IMAGES) {
      const metadata = await sharp(dir.at('out', `${image.stem}-pcampm.png`)).metadata();
      expect(metadata).toMatchObject({ format: 'png', width: image.width, height: image.height, channels: 3 });
    }
  });

  it('blends the image half and half with the jet-coloured map resized to the image', async () => {
    const { data, info } = await sharp(dir.at('out', 'wide-pcampm.png')).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([40, 24, 3]);
    const map = baselineMaps.get('wide.png')!;
    const resized = resizeBilinear({ height: 32, width: 32, data: map.data }, 24, 40);
    const source = patternPixels(40, 24, 3, 1);
    let worst = 0;
    for (let pixel = 0; pixel < 40 * 24; pixel += 1) {
      const colour = jetColor(resized.data[pixel]!);
      for (let channel = 0; channel < 3; channel += 1) {
        const expected = 0.5 * source[pixel * 3 + channel]! + 0.5 * colour[channel]!;
        worst = Math.max(worst, Math.abs(data[pixel * 3 + channel]! - expected));
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('writes a JSON summary that agrees with the table', async () => {
    const rows = parseExplainTable(baseline.stdout);
    for (const [index, image] of IMAGES.entries()) {
      const summary = await readJson(dir.at('out', `${image.stem}-pcampm.json`));
      const row = rows[index]!;
      expect(summary).toMatchObject({
        image: paths[index],
        model,
        method: { preset: 'pcam±', strategy: expect.any(String), fusion: 'lnorm' },
        class: Number(row.class),
        target: `softmax[${row.class}]`,
        layers: ['/features/features.1/Relu_output_0', '/features/features.4/Relu_output_0', '/features/features.7/Relu_output_0'],
        passes: { run: expect.any(Number), saved: expect.any(Number) },
        mapSize: [32, 32],
      });
      expect((summary['score'] as number).toFixed(4)).toBe(row.score);
      const passes = summary['passes'] as { run: number; saved: number };
      expect(`${passes.run}/${passes.saved}`).toBe(row.passes);
      expect(passes.run).toBeGreaterThan(1);
    }
  });

  it('gives the same maps and classes as calling the library directly with the same preprocessing', async () => {
    const container = await createPolycamContainer(polycamModule, onnxBackendModule);
    const explainer = container.get(TOKENS.Explainer);
    const backend = await loadModel(container, { path: model }, { backend: 'onnx' });
    const rows = parseExplainTable(baseline.stdout);
    try {
      // PNG pixels are known exactly; grey is replicated to RGB; the JPEG is decoded by sharp.
      const greyPixels = patternPixels(20, 30, 1, 3);
      const jpeg = await sharp(dir.at('photo.jpg')).raw().toBuffer({ resolveWithObject: true });
      expect(jpeg.info.channels).toBe(3);
      const pixels: ImagePixels[] = [
        { width: 40, height: 24, channels: 3, data: new Uint8Array(patternPixels(40, 24, 3, 1)) },
        { width: 48, height: 48, channels: 3, data: new Uint8Array(jpeg.data) },
        { width: 20, height: 30, channels: 3, data: Uint8Array.from({ length: 20 * 30 * 3 }, (_, i) => greyPixels[Math.floor(i / 3)]!) },
      ];
      for (const [index, image] of IMAGES.entries()) {
        const input = preprocessImage(pixels[index]!, { height: 32, width: 32, mean: imagenetStatistics.mean, std: imagenetStatistics.std });
        const result: ExplainResult = await explainer.explain({ backend, input, method: 'pcam±' });
        const map = baselineMaps.get(image.file)!;
        expect(maxAbsDiff(map.data, result.map.data)).toBeLessThan(1e-6);
        expect(rows[index]!.class).toBe(String(result.classIndex));
        expect(rows[index]!.score).toBe(result.score.toFixed(4));
      }
    } finally {
      await backend.dispose();
    }
  });

  describe('--method', () => {
    const mapOf = async (method: string, out: string): Promise<Tensor> => {
      const run = await runCli(['explain', paths[0]!, '--model', model, '--method', method, '--npz', dir.at(out, 'maps.npz'), '--out', dir.at(out)]);
      expectSuccess(run);
      return (await readNpz(dir.at(out, 'maps.npz'))).get('wide.png')!;
    };

    it('honours pcamp and pcam+ (the same preset), pcamm, and the default pcam±, with different maps', async () => {
      const plus = await mapOf('pcamp', 'm-pcamp');
      const plusById = await mapOf('pcam+', 'm-pcam+');
      const minus = await mapOf('pcamm', 'm-pcamm');
      const both = baselineMaps.get('wide.png')!;

      expect(await listTree(dir.at('m-pcamp'))).toEqual(['maps.npz', 'wide-pcamp.json', 'wide-pcamp.png']);
      expect(await listTree(dir.at('m-pcamm'))).toEqual(['maps.npz', 'wide-pcamm.json', 'wide-pcamm.png']);
      expect(await readJson(dir.at('m-pcamp', 'wide-pcamp.json'))).toMatchObject({ method: { preset: 'pcam+' } });
      expect(await readJson(dir.at('m-pcam+', 'wide-pcamp.json'))).toMatchObject({ method: { preset: 'pcam+' } });
      expect(await readJson(dir.at('m-pcamm', 'wide-pcamm.json'))).toMatchObject({ method: { preset: 'pcam-' } });

      expect(maxAbsDiff(plus.data, plusById.data)).toBe(0);
      expect(maxAbsDiff(plus.data, minus.data)).toBeGreaterThan(1e-3);
      expect(maxAbsDiff(plus.data, both.data)).toBeGreaterThan(1e-3);
      expect(maxAbsDiff(minus.data, both.data)).toBeGreaterThan(1e-3);
    });
  });

  it('honours --class, in the table, the JSON and the map', async () => {
    const predicted = Number(parseExplainTable(baseline.stdout)[0]!.class);
    const other = (predicted + 1) % 4;
    const run = await runCli(['explain', paths[0]!, '--model', model, '--class', String(other), '--npz', dir.at('cls', 'maps.npz'), '--out', dir.at('cls')]);
    expectSuccess(run);
    expect(parseExplainTable(run.stdout)[0]!.class).toBe(String(other));
    expect(await readJson(dir.at('cls', 'wide-pcampm.json'))).toMatchObject({ class: other, target: `softmax[${other}]` });
    const map = (await readNpz(dir.at('cls', 'maps.npz'))).get('wide.png')!;
    expect(maxAbsDiff(map.data, baselineMaps.get('wide.png')!.data)).toBeGreaterThan(1e-3);
  });

  it('honours --score', async () => {
    const run = await runCli(['explain', paths[0]!, '--model', model, '--score', 'identity', '--out', dir.at('score')]);
    expectSuccess(run);
    expect(await readJson(dir.at('score', 'wide-pcampm.json'))).toMatchObject({ target: expect.stringMatching(/^identity\[\d\]$/) });
  });

  describe('--layers', () => {
    it("takes explicit tensor names from 'polycam layers', in any order, and fuses them in forward order", async () => {
      const listed = await runCli(['layers', '--model', model]);
      expectSuccess(listed);
      const starred = parseLayersTable(listed.stdout).filter((row) => row.auto).map((row) => row.name);
      expect(starred).toHaveLength(3);
      const chosen = [starred[2]!, starred[0]!];
      const run = await runCli(['explain', paths[0]!, '--model', model, '--layers', chosen.join(','), '--npz', dir.at('lay', 'maps.npz'), '--out', dir.at('lay')]);
      expectSuccess(run);
      expect(parseExplainTable(run.stdout)[0]!.layers).toBe('2');
      expect(await readJson(dir.at('lay', 'wide-pcampm.json'))).toMatchObject({ layers: [starred[0], starred[2]] });
      const map = (await readNpz(dir.at('lay', 'maps.npz'))).get('wide.png')!;
      expect(maxAbsDiff(map.data, baselineMaps.get('wide.png')!.data)).toBeGreaterThan(1e-3);
    });

    it('takes a node name and taps its output', async () => {
      const run = await runCli(['explain', paths[0]!, '--model', model, '--layers', '/features/features.4/Relu', '--out', dir.at('node')]);
      expectSuccess(run);
      expect(await readJson(dir.at('node', 'wide-pcampm.json'))).toMatchObject({ layers: ['/features/features.4/Relu_output_0'] });
    });

    it('matches the library given the same explicit layers', async () => {
      const selection: LayerSelection = ['/features/features.4/Relu_output_0', '/features/features.7/Relu_output_0'];
      const run = await runCli(['explain', paths[0]!, '--model', model, '--layers', selection.join(','), '--method', 'pcamm', '--npz', dir.at('lay2', 'maps.npz')]);
      expectSuccess(run);
      const container = await createPolycamContainer(polycamModule, onnxBackendModule);
      const backend = await loadModel(container, { path: model }, { backend: 'onnx' });
      try {
        const input = preprocessImage({ width: 40, height: 24, channels: 3, data: new Uint8Array(patternPixels(40, 24, 3, 1)) }, { height: 32, width: 32 });
        const result = await container.get(TOKENS.Explainer).explain({ backend, input, method: 'pcam-', layers: selection });
        const map = (await readNpz(dir.at('lay2', 'maps.npz'))).get('wide.png')!;
        expect(maxAbsDiff(map.data, result.map.data)).toBeLessThan(1e-6);
      } finally {
        await backend.dispose();
      }
    });
  });

  it('works on a model with a fixed batch size of 1, giving the same maps as the dynamic one', async () => {
    const fixed = await writeTinyModel(dir.at('tiny-b1.onnx'), { batch: 1 });
    const run = await runCli(['explain', ...paths, '--model', fixed, '--batch-size', '5', '--npz', dir.at('b1', 'maps.npz')]);
    expectSuccess(run);
    expect(parseExplainTable(run.stdout).map((row) => row.class)).toEqual(parseExplainTable(baseline.stdout).map((row) => row.class));
    const maps = await readNpz(dir.at('b1', 'maps.npz'));
    for (const image of IMAGES) {
      expect(maxAbsDiff(maps.get(image.file)!.data, baselineMaps.get(image.file)!.data)).toBeLessThan(1e-5);
    }
  });

  it('gives the same map whatever --batch-size and --threads', async () => {
    const run = await runCli(['explain', paths[1]!, '--model', model, '--batch-size', '3', '--threads', '1', '--npz', dir.at('bs', 'maps.npz')]);
    expectSuccess(run);
    const map = (await readNpz(dir.at('bs', 'maps.npz'))).get('photo.jpg')!;
    expect(maxAbsDiff(map.data, baselineMaps.get('photo.jpg')!.data)).toBeLessThan(1e-5);
  });

  it('writes only the table to stdout and nothing else when neither --npz nor --out is given', async () => {
    const before = await listTree(dir.path);
    const run = await runCli(['explain', paths[0]!, '--model', model]);
    expectSuccess(run);
    expect(parseExplainTable(run.stdout)).toHaveLength(1);
    expect(await listTree(dir.path)).toEqual(before);
  });

  it('draws progress bars on a terminal stderr, and keeps stdout to the table', async () => {
    const stderr = new TextCollector({ columns: 120 });
    const run = await runCli(['explain', paths[0]!, paths[2]!, '--model', model], { stderr });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wide.png (1/2)');
    expect(run.stderr).toContain('grey.png (2/2)');
    expect(run.stderr).toMatch(/\d+\/\d+ passes/);
    expect(parseExplainTable(run.stdout)).toHaveLength(2);
    expect(run.stdout).not.toContain('passes |');
  });
});
