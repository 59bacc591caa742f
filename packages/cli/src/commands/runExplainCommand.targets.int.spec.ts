import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPolycamContainer, imagenetStatistics, loadModel, preprocessImage, TOKENS, type ExplainRequest, type ImagePixels, type Tensor } from '@polycam/core';
import { decodeNpz, encodeNpy } from '@polycam/core/io';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, patternPixels, runCli, writePng, writeSegmentationModel, writeTinyModel, type CliRun, type TempDir } from '../cli.testkit.js';

// `polycam explain` for targets beyond the predicted class: one class per image (--class 3,5 or
// a --classes CSV), --target KIND:ARGUMENT (a segmentation class, with or without a region mask,
// an embedding's similarity to a reference image or vector), and --output, on small models the
// specs build and on the bundled classifier; every bad target is one line, exit 1 and no file.

const demo = bundledDemoModel();
const POOL = '/avgpool/GlobalAveragePool_output_0';
const SEG_LAYERS = '/relu1/Relu_output_0,/relu2/Relu_output_0';

let dir: TempDir;
let tiny: string;
let seg: string;
let images: string[];
let run = 0;

beforeAll(async () => {
  dir = await makeTempDir('polycam-explain-targets-');
  tiny = await writeTinyModel(dir.at('tiny.onnx'));
  seg = await writeSegmentationModel(dir.at('seg.onnx'));
  images = [await writePng(dir.at('a.png'), 32, 32, 3, 1), await writePng(dir.at('b.png'), 40, 24, 3, 2), await writePng(dir.at('c.png'), 32, 32, 3, 3)];
});
afterAll(() => dir?.remove());

/** Runs explain with `args` into a fresh npz and returns the maps by file name, checking success. */
async function maps(args: readonly string[]): Promise<{ maps: Map<string, Tensor>; run: CliRun }> {
  run += 1;
  const npz = dir.at(`maps-${run}.npz`);
  const result = await runCli(['explain', ...args, '--npz', npz]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { maps: decodeNpz(await readFile(npz)), run: result };
}

/** Runs explain with `args` and checks the one-line failure: exit 1, nothing on stdout, no file. */
async function refused(args: readonly string[], pattern: RegExp): Promise<string> {
  run += 1;
  const out = dir.at(`refused-${run}`);
  const npz = dir.at(`refused-${run}.npz`);
  const result = await runCli(['explain', ...args, '--out', out, '--npz', npz]);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[0]).toMatch(/^polycam: error: /);
  expect(lines[0]).toMatch(pattern);
  expect((await listTree(dir.path)).filter((name) => name.startsWith(`refused-${run}`))).toEqual([]);
  return lines[0]!;
}

describe('polycam explain with one class per image', () => {
  it('gives with --class 3,1,2 the maps of three separate calls, bit for bit, and records each class', async () => {
    const out = dir.at('per-image-out');
    const together = await maps([...images, '--model', tiny, '--class', '3,1,2', '--out', out]);
    for (const [index, classIndex] of [3, 1, 2].entries()) {
      const alone = await maps([images[index]!, '--model', tiny, '--class', String(classIndex)]);
      const name = images[index]!.split('/').pop()!;
      expect(Array.from(together.maps.get(name)!.data)).toEqual(Array.from(alone.maps.get(name)!.data));
      const summary = JSON.parse(await readFile(join(out, `${name.replace('.png', '')}-pcampm.json`), 'utf8')) as Record<string, unknown>;
      expect([summary['class'], summary['target']]).toEqual([classIndex, `softmax[${classIndex}]`]);
    }
    // The classes differ, so do the maps: the list is not read as one class for all.
    const first = await maps([...images, '--model', tiny, '--class', '3']);
    expect(Array.from(first.maps.get('b.png')!.data)).not.toEqual(Array.from(together.maps.get('b.png')!.data));
  });

  it('reads a --classes CSV of classes (by path or file name) and one of KIND:ARGUMENT targets', async () => {
    const byList = await maps([...images, '--model', tiny, '--class', '3,1,2']);
    await writeFile(dir.at('classes.csv'), 'image,class\nc.png,2\n./a.png,3\nb.png,1\n');
    const byClasses = await maps([...images, '--model', tiny, '--classes', dir.at('classes.csv')]);
    await writeFile(dir.at('targets.csv'), 'image,target\na.png,class:3\nb.png,class:1\nc.png,class:2\n');
    const byTargets = await maps([...images, '--model', tiny, '--classes', dir.at('targets.csv')]);
    for (const name of ['a.png', 'b.png', 'c.png']) {
      expect(Array.from(byClasses.maps.get(name)!.data)).toEqual(Array.from(byList.maps.get(name)!.data));
      expect(Array.from(byTargets.maps.get(name)!.data)).toEqual(Array.from(byList.maps.get(name)!.data));
    }
  });

  it('refuses a class count other than 1 or the image count, a class out of range, and images missing from the CSV', async () => {
    await refused([...images, '--model', tiny, '--class', '1,2'], /--class gives 2 classes for 3 images/);
    await refused([...images, '--model', tiny, '--class', '1,7,2'], /--class 7 is out of range: the model has 4 classes \(0\.\.3\)/);
    await writeFile(dir.at('partial.csv'), 'image,class\na.png,1\n');
    await refused([...images, '--model', tiny, '--classes', dir.at('partial.csv')], /has no row for '.*b\.png' \(and 1 other image\)/);
    await refused([images[0]!, '--model', tiny, '--class', '1', '--target', 'class:1'], /--class and --target cannot be used together/);
  });
});
