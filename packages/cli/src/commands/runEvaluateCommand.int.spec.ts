import { readFile, writeFile } from 'node:fs/promises';
import { createPolycamContainer, loadModel, preprocessImage, type Tensor } from '@polycam/core';
import { decodeNpz, encodeNpz } from '@polycam/core/io';
import { resizeBilinear } from '@polycam/core/kernels';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { averageDropIncrease, deletion, insertion, road } from '@polycam/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';
import { readImage } from '../image/readImage.js';

function parseCsv(text: string): { header: string[]; rows: Map<string, number[]> } {
  const [header, ...lines] = text.trimEnd().split('\n');
  return {
    header: header!.split(','),
    rows: new Map(lines.map((line) => {
      const [name, ...values] = line.split(',');
      return [name!, values.map(Number)];
    })),
  };
}

describe('polycam evaluate', () => {
  let dir: TempDir;
  let model: string;
  let images: string[];

  beforeAll(async () => {
    dir = await makeTempDir('polycam-evaluate-');
    model = await writeTinyModel(dir.at('tiny.onnx'));
    images = [await writePng(dir.at('a.png'), 32, 32, 3, 1), await writePng(dir.at('b.png'), 40, 24, 3, 2)];
    const run = await runCli(['explain', ...images, '--model', model, '--npz', dir.at('maps.npz')]);
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("writes the paper's CSV files, whose values are the library's metrics on the same maps", async () => {
    const run = await runCli([
      'evaluate', ...images, '--model', model, '--saliency-npz', dir.at('maps.npz'), '--steps', '16',
      '--metrics', 'insertion,deletion,drop-increase', '--csv-dir', dir.at('csv'), '--model-name', 'tiny', '--saliency-name', 'pcampm',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await listTree(dir.at('csv'))).toEqual([
      'del_auc_tiny-pcampm.csv', 'del_details_tiny-pcampm.csv', 'drop_increase_tiny-pcampm.csv', 'ins_auc_tiny-pcampm.csv', 'ins_details_tiny-pcampm.csv',
    ]);
    const insAuc = parseCsv(await readFile(dir.at('csv', 'ins_auc_tiny-pcampm.csv'), 'utf8'));
    const insDetails = parseCsv(await readFile(dir.at('csv', 'ins_details_tiny-pcampm.csv'), 'utf8'));
    expect(insAuc.header).toEqual(['', '0']);
    expect(insDetails.header).toEqual(['', ...Array.from({ length: 16 }, (_, step) => String(step))]);
    expect([...insAuc.rows.keys()]).toEqual(['a.png', 'b.png']);

    // The same metrics through the library, on the same preprocessing and maps.
    const maps = decodeNpz(await readFile(dir.at('maps.npz')));
    const container = await createPolycamContainer(onnxBackendModule);
    const backend = await loadModel(container, { path: model });
    try {
      for (const path of images) {
        const name = path.split('/').at(-1)!;
        const input = preprocessImage(await readImage(path, 3), { height: 32, width: 32 });
        const map = maps.get(name)!;
        const saliency = { height: map.shape[0]!, width: map.shape[1]!, data: map.data };
        const inserted = await insertion(backend, input, saliency, { steps: 16 });
        const deleted = await deletion(backend, input, saliency, { steps: 16 });
        const dropped = await averageDropIncrease(backend, input, saliency);
        expect(insAuc.rows.get(name)![0]).toBeCloseTo(inserted.auc, 6);
        expect(insDetails.rows.get(name)).toEqual(Array.from(inserted.scores, (score) => expect.closeTo(score, 6)));
        const mean = insDetails.rows.get(name)!.reduce((sum, value) => sum + value, 0) / 16;
        expect(insAuc.rows.get(name)![0]).toBeCloseTo(mean, 5);
        const delAuc = parseCsv(await readFile(dir.at('csv', 'del_auc_tiny-pcampm.csv'), 'utf8'));
        expect(delAuc.rows.get(name)![0]).toBeCloseTo(deleted.auc, 6);
        const drops = parseCsv(await readFile(dir.at('csv', 'drop_increase_tiny-pcampm.csv'), 'utf8'));
        expect(drops.rows.get(name)).toEqual([expect.closeTo(dropped.drop, 9), dropped.increase ? 1 : 0]);
      }
    } finally {
      await backend.dispose();
    }
    expect(run.stdout).toMatch(/insertion AUC\s+0\.\d{4}/);
    expect(run.stdout).toMatch(/deletion AUC\s+0\.\d{4}/);
  });

  it('adds ROAD when --metrics names it: road_<suffix>.csv holds what the library gives on the same maps, and the means are printed', async () => {
    const run = await runCli([
      'evaluate', ...images, '--model', model, '--saliency-npz', dir.at('maps.npz'), '--metrics', 'road', '--road-percentiles', '30,70',
      '--csv-dir', dir.at('csv-road'), '--model-name', 'tiny', '--saliency-name', 'pcampm',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await listTree(dir.at('csv-road'))).toEqual(['road_tiny-pcampm.csv']);
    const csv = parseCsv(await readFile(dir.at('csv-road', 'road_tiny-pcampm.csv'), 'utf8'));
    expect(csv.header).toEqual(['', 'morf', 'lerf', 'combined', 'morf_30', 'morf_70', 'lerf_30', 'lerf_70']);
    const maps = decodeNpz(await readFile(dir.at('maps.npz')));
    const backend = await loadModel(await createPolycamContainer(onnxBackendModule), { path: model });
    const combined: number[] = [];
    try {
      for (const path of images) {
        const name = path.split('/').at(-1)!;
        const input = preprocessImage(await readImage(path, 3), { height: 32, width: 32 });
        const map = maps.get(name)!;
        const scored = await road(backend, input, { height: map.shape[0]!, width: map.shape[1]!, data: map.data }, { percentiles: [30, 70] });
        combined.push(scored.combined);
        expect(csv.rows.get(name)).toEqual(
          [scored.mostRelevantFirstMean, scored.leastRelevantFirstMean, scored.combined, ...scored.mostRelevantFirst, ...scored.leastRelevantFirst].map((value) => expect.closeTo(value, 6)),
        );
      }
    } finally {
      await backend.dispose();
    }
    expect(run.stdout).toMatch(/ROAD MoRF\s+-?\d\.\d{4} \(lower is better\)/);
    expect(run.stdout).toMatch(/ROAD LeRF\s+-?\d\.\d{4} \(higher is better\)/);
    expect(run.stdout).toContain(`ROAD combined  ${((combined[0]! + combined[1]!) / 2).toFixed(4)} (higher is better)`);
    expect(run.stdout).not.toMatch(/insertion AUC/);
  });

  it('names the CSV files after the model and the npz by default, and accepts [1,1,H,W] maps', async () => {
    const maps = decodeNpz(await readFile(dir.at('maps.npz')));
    const fourD = new Map<string, Tensor>([...maps].map(([name, map]) => [name, { shape: [1, 1, ...map.shape], data: map.data }]));
    await writeFile(dir.at('torch-maps.npz'), encodeNpz(fourD));
    const run = await runCli(['evaluate', ...images, '--model', model, '--saliency-npz', dir.at('torch-maps.npz'), '--steps', '8', '--csv-dir', dir.at('csv2')]);
    expect(run.code).toBe(0);
    expect(await listTree(dir.at('csv2'))).toEqual(['del_auc_tiny-torch-maps.csv', 'del_details_tiny-torch-maps.csv', 'ins_auc_tiny-torch-maps.csv', 'ins_details_tiny-torch-maps.csv']);
  });

  it("upsamples a smaller map with the input's aspect ratio, as the paper's code does", async () => {
    const small = { shape: [1, 1, 8, 8], data: Float32Array.from({ length: 64 }, (_, index) => index % 9) };
    await writeFile(dir.at('small.npz'), encodeNpz(new Map([['a.png', small]])));
    const run = await runCli(['evaluate', images[0]!, '--model', model, '--saliency-npz', dir.at('small.npz'), '--steps', '8', '--csv-dir', dir.at('csv3')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const container = await createPolycamContainer(onnxBackendModule);
    const backend = await loadModel(container, { path: model });
    try {
      const input = preprocessImage(await readImage(images[0]!, 3), { height: 32, width: 32 });
      const upsampled = await insertion(backend, input, resizeBilinear({ height: 8, width: 8, data: small.data }, 32, 32), { steps: 8 });
      const insAuc = parseCsv(await readFile(dir.at('csv3', 'ins_auc_tiny-small.csv'), 'utf8'));
      expect(insAuc.rows.get('a.png')![0]).toBeCloseTo(upsampled.auc, 6);
    } finally {
      await backend.dispose();
    }
  });

  describe('refuses bad input with one line, a non-zero exit and no CSV file', () => {
    const cases: [string, () => Promise<string[]>, RegExp][] = [
      ['an npz with no entry for an image', async () => [...images, dir.at('a.png').replace('a.png', 'missing.png')], /no map for 'missing\.png'|missing\.png' does not exist/],
      ['an --saliency-npz that is a folder, said in words', async () => [images[0]!, '--saliency-npz', dir.path], /--saliency-npz '.*' is a folder, not a file/],
      ['an --saliency-npz that is not an npz, naming the file', async () => {
        await writeFile(dir.at('text.npz'), 'not a zip');
        return [images[0]!, '--saliency-npz', dir.at('text.npz')];
      }, /--saliency-npz '.*text\.npz': not a valid npz archive/],
      ['a map with NaN values', async () => {
        await writeFile(dir.at('nan.npz'), encodeNpz(new Map([['a.png', { shape: [4, 4], data: new Float32Array(16).fill(NaN) }]])));
        return [images[0]!, '--saliency-npz', dir.at('nan.npz')];
      }, /NaN/],
      ['a map of the wrong rank', async () => {
        await writeFile(dir.at('rank.npz'), encodeNpz(new Map([['a.png', { shape: [3, 4, 4], data: new Float32Array(48) }]])));
        return [images[0]!, '--saliency-npz', dir.at('rank.npz')];
      }, /shape \[3,4,4\]/],
      ['a [1,H,W] map, which is neither H×W nor the paper\'s [1,1,H,W]', async () => {
        await writeFile(dir.at('rank3.npz'), encodeNpz(new Map([['a.png', { shape: [1, 32, 32], data: new Float32Array(1024) }]])));
        return [images[0]!, '--saliency-npz', dir.at('rank3.npz')];
      }, /'a\.png'.*shape \[1,32,32\]/],
      ['a map of another aspect ratio, which would be stretched', async () => {
        await writeFile(dir.at('stretched.npz'), encodeNpz(new Map([['a.png', { shape: [10, 37], data: new Float32Array(370) }]])));
        return [images[0]!, '--saliency-npz', dir.at('stretched.npz')];
      }, /'a\.png'.*shape \[10,37\].*32×32/],
      ['a map larger than the input', async () => {
        await writeFile(dir.at('large.npz'), encodeNpz(new Map([['a.png', { shape: [1, 1, 64, 64], data: new Float32Array(4096) }]])));
        return [images[0]!, '--saliency-npz', dir.at('large.npz')];
      }, /'a\.png'.*shape \[1,1,64,64\].*32×32/],
      ['a --csv-dir that is a file', async () => [images[0]!, '--csv-dir', dir.at('a.png')], /--csv-dir '.*a\.png' is a file/],
      ['an unknown metric name', async () => [images[0]!, '--metrics', 'insertion,faithfulness'], /unknown metric 'faithfulness'/],
      ['zero steps', async () => [images[0]!, '--steps', '0'], /--steps/],
      ['a ROAD percentile above 100', async () => [images[0]!, '--metrics', 'road', '--road-percentiles', '50,120'], /--road-percentiles expects percentages in \[0, 100\]/],
      ['a ROAD percentile that is not a number', async () => [images[0]!, '--metrics', 'road', '--road-percentiles', '50,x'], /--road-percentiles expects comma-separated numbers/],
      ['negative steps', async () => [images[0]!, '--steps', '-3'], /--steps/],
      ['a missing npz', async () => [images[0]!, '--saliency-npz', dir.at('absent.npz')], /absent\.npz/],
    ];
    for (const [label, args, pattern] of cases) {
      it(label, async () => {
        const extra = await args();
        const hasNpz = extra.includes('--saliency-npz');
        const run = await runCli(['evaluate', '--model', model, '--csv-dir', dir.at('bad'), ...(hasNpz ? [] : ['--saliency-npz', dir.at('maps.npz')]), ...extra]);
        expect(run.code).toBe(1);
        expect(run.stderr.split('\n')).toHaveLength(2);
        expect(run.stderr).toMatch(/^polycam: /);
        expect(run.stderr).toMatch(pattern);
        expect(await listTree(dir.path).then((files) => files.filter((file) => file.startsWith('bad')))).toEqual([]);
      });
    }
  });
});
