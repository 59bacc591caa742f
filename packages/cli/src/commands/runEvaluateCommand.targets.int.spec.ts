import { readFile, writeFile } from 'node:fs/promises';
import { createPolycamContainer, loadModel, preprocessImage, type ModelBackend, type TargetRequest } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { averageDropIncrease, deletion, insertion, road } from '@polycam/metrics';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, writePng, writeSegmentationModel, writeTinyModel, type TempDir } from '../cli.testkit.js';
import { readImage } from '../image/readImage.js';

// `polycam evaluate` for targets beyond the predicted class, taken as explain takes them: a
// segmentation class (--target), each image's own row of a --classes CSV (with a region mask),
// one class per image (--class N,M); the CSV values are the library's measures for the same target.

const SEG_LAYERS = '/relu1/Relu_output_0,/relu2/Relu_output_0';
let dir: TempDir;
let seg: string;
let tiny: string;
let images: string[];

function csvRows(text: string): Map<string, number[]> {
  const [, ...lines] = text.trimEnd().split('\n');
  return new Map(lines.map((line) => {
    const [name, ...values] = line.split(',');
    return [name!, values.map(Number)];
  }));
}

async function withBackend(model: string, use: (backend: ModelBackend) => Promise<void>): Promise<void> {
  const backend = await loadModel(await createPolycamContainer(onnxBackendModule), { path: model });
  try {
    await use(backend);
  } finally {
    await backend.dispose();
  }
}

async function mapOf(npz: string, name: string): Promise<{ height: number; width: number; data: Float32Array }> {
  const map = decodeNpz(await readFile(npz)).get(name)!;
  return { height: map.shape[0]!, width: map.shape[1]!, data: map.data };
}

beforeAll(async () => {
  dir = await makeTempDir('polycam-evaluate-targets-');
  seg = await writeSegmentationModel(dir.at('seg.onnx'));
  tiny = await writeTinyModel(dir.at('tiny.onnx'));
  images = [await writePng(dir.at('a.png'), 32, 32, 3, 1), await writePng(dir.at('c.png'), 32, 32, 3, 3)];
  const explained = await runCli(['explain', ...images, '--model', seg, '--target', 'segmentation:1', '--layers', SEG_LAYERS, '--npz', dir.at('seg.npz')]);
  expect(explained.stderr).toBe('');
  const classified = await runCli(['explain', ...images, '--model', tiny, '--npz', dir.at('tiny.npz')]);
  expect(classified.code).toBe(0);
});
afterAll(() => dir?.remove());

describe('polycam evaluate with targets', () => {
  it('--target segmentation:C scores the region of the predicted class, with the numbers of the library', async () => {
    const csv = dir.at('csv-seg');
    const run = await runCli([
      'evaluate', ...images, '--model', seg, '--saliency-npz', dir.at('seg.npz'), '--target', 'segmentation:1', '--steps', '16',
      '--metrics', 'insertion,deletion,drop-increase,road', '--road-percentiles', '30,70', '--csv-dir', csv, '--model-name', 'seg', '--saliency-name', 'pcam',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await listTree(csv)).toEqual([
      'del_auc_seg-pcam.csv', 'del_details_seg-pcam.csv', 'drop_increase_seg-pcam.csv', 'ins_auc_seg-pcam.csv', 'ins_details_seg-pcam.csv', 'road_seg-pcam.csv',
    ]);
    const read = async (name: string) => csvRows(await readFile(dir.at('csv-seg', name), 'utf8'));
    const insDetails = await read('ins_details_seg-pcam.csv');
    const delAuc = await read('del_auc_seg-pcam.csv');
    const drops = await read('drop_increase_seg-pcam.csv');
    const roads = await read('road_seg-pcam.csv');
    const target: TargetRequest = { kind: 'segmentation', options: { classIndex: 1 } };
    await withBackend(seg, async (backend) => {
      for (const path of images) {
        const name = path.split('/').at(-1)!;
        const input = preprocessImage(await readImage(path, 3), { height: 32, width: 32 });
        const saliency = await mapOf(dir.at('seg.npz'), name);
        const inserted = await insertion(backend, input, saliency, { steps: 16, target });
        const deleted = await deletion(backend, input, saliency, { steps: 16, target });
        const dropped = await averageDropIncrease(backend, input, saliency, { target });
        const removed = await road(backend, input, saliency, { percentiles: [30, 70], target });
        // A region's summed probability, not one class's probability: most steps score above 1.
        expect(Math.max(...inserted.scores)).toBeGreaterThan(1);
        expect(insDetails.get(name)).toEqual(Array.from(inserted.scores, (score) => expect.closeTo(score, 5)));
        expect(delAuc.get(name)![0]).toBeCloseTo(deleted.auc, 5);
        expect(drops.get(name)).toEqual([expect.closeTo(dropped.drop, 7), dropped.increase ? 1 : 0]);
        expect(roads.get(name)!.slice(0, 3)).toEqual([removed.mostRelevantFirstMean, removed.leastRelevantFirstMean, removed.combined].map((value) => expect.closeTo(value, 5)));
      }
    });
  });

  it("--classes gives each image its own target, a mask's region for one of them", async () => {
    // A 16×16 mask, the output's size: rows 2..9, columns 4..11 set.
    const mask = Buffer.alloc(16 * 16);
    const region = new Float32Array(16 * 16);
    for (let y = 2; y < 10; y += 1) for (let x = 4; x < 12; x += 1) [mask[y * 16 + x], region[y * 16 + x]] = [255, 1];
    await sharp(mask, { raw: { width: 16, height: 16, channels: 1 } }).png().toFile(dir.at('mask.png'));
    await writeFile(dir.at('targets.csv'), 'image,target\na.png,segmentation:1\nc.png,segmentation:2:mask.png\n');
    const run = await runCli([
      'evaluate', ...images, '--model', seg, '--saliency-npz', dir.at('seg.npz'), '--classes', dir.at('targets.csv'), '--steps', '8',
      '--metrics', 'deletion', '--csv-dir', dir.at('csv-rows'), '--model-name', 'seg', '--saliency-name', 'pcam',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const details = csvRows(await readFile(dir.at('csv-rows', 'del_details_seg-pcam.csv'), 'utf8'));
    const requests: Record<string, TargetRequest> = {
      'a.png': { kind: 'segmentation', options: { classIndex: 1 } },
      'c.png': { kind: 'segmentation', options: { classIndex: 2, region: { height: 16, width: 16, data: region } } },
    };
    await withBackend(seg, async (backend) => {
      for (const path of images) {
        const name = path.split('/').at(-1)!;
        const input = preprocessImage(await readImage(path, 3), { height: 32, width: 32 });
        const expected = await deletion(backend, input, await mapOf(dir.at('seg.npz'), name), { steps: 8, target: requests[name]! });
        expect(details.get(name)).toEqual(Array.from(expected.scores, (score) => expect.closeTo(score, 5)));
      }
    });
  });

  it('--class N,M scores one class per image, as the library does for each', async () => {
    const run = await runCli([
      'evaluate', ...images, '--model', tiny, '--saliency-npz', dir.at('tiny.npz'), '--class', '0,3', '--steps', '8',
      '--metrics', 'insertion', '--csv-dir', dir.at('csv-classes'), '--model-name', 'tiny', '--saliency-name', 'pcam',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const auc = csvRows(await readFile(dir.at('csv-classes', 'ins_auc_tiny-pcam.csv'), 'utf8'));
    await withBackend(tiny, async (backend) => {
      for (const [index, path] of images.entries()) {
        const name = path.split('/').at(-1)!;
        const input = preprocessImage(await readImage(path, 3), { height: 32, width: 32 });
        const expected = await insertion(backend, input, await mapOf(dir.at('tiny.npz'), name), { steps: 8, classIndex: [0, 3][index]! });
        expect(auc.get(name)![0]).toBeCloseTo(expected.auc, 6);
      }
    });
  });

  it.each([
    [['--class', '1', '--target', 'segmentation:1'], /^polycam: error: --class and --target cannot be used together/],
    [['--target', 'nothing:1'], /^polycam: error: --target 'nothing:1': unknown target kind 'nothing'/],
    [['--target', 'segmentation:3'], /^polycam: error: --target 'segmentation:3': class 3 is out of range/],
    [['--class', '0,1,2'], /^polycam: error: --class gives 3 classes for 2 images/],
  ])('refuses %j in one line, before any pass, and writes no CSV file', async (args, pattern) => {
    const csv = dir.at('csv-refused');
    const run = await runCli(['evaluate', ...images, '--model', seg, '--saliency-npz', dir.at('seg.npz'), ...args, '--steps', '8', '--csv-dir', csv]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(pattern);
    expect(await listTree(dir.path)).not.toContain('csv-refused');
  });
});
