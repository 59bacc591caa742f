import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPolycamContainer, imagenetStatistics, loadModel, preprocessImage, TOKENS, type ExplainRequest, type ImagePixels, type Tensor } from '@polycam/core';
import { decodeNpz, encodeNpy } from '@polycam/core/io';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineRefusal, makeTempDir, patternPixels, runCli, writePng, writeSegmentationModel, writeTinyModel, type CliRun, type TempDir } from '../cli.testkit.js';

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
  return expectOneLineRefusal(result, pattern, { folder: dir.path, prefix: `refused-${run}` });
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

/** The library's own explainer and a model loaded as the CLI loads it, for independent references. */
async function withLibrary<T>(model: string, work: (explain: (request: Omit<ExplainRequest, 'backend'>) => Promise<Tensor>, run: (input: Tensor) => Promise<Float32Array>) => Promise<T>): Promise<T> {
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const explainer = container.get(TOKENS.Explainer);
  const backend = await loadModel(container, { path: model }, { backend: 'onnx' });
  try {
    return await work(
      async (request) => {
        const result = await explainer.explain({ backend, ...request });
        return { shape: [result.map.height, result.map.width], data: result.map.data };
      },
      async (input) => (await backend.run({ input: { shape: [1, ...input.shape], data: input.data } })).output.data.slice(),
    );
  } finally {
    await backend.dispose();
  }
}

/** An image's model input, as the CLI prepares it: its exact pattern pixels, resized and normalised with ImageNet's statistics. */
function inputOf(width: number, height: number, seed: number, size: number): Tensor {
  const pixels: ImagePixels = { width, height, channels: 3, data: new Uint8Array(patternPixels(width, height, 3, seed)) };
  return preprocessImage(pixels, { height: size, width: size, mean: imagenetStatistics.mean, std: imagenetStatistics.std });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((most, value, index) => Math.max(most, Math.abs(value - b[index]!)), 0);
}

/**
 * The segmentation score written here from its definition, independently of the plugin:
 * Σ over the region of the per-pixel softmax (over the C channels) of class c, on a [C, H, W] output.
 */
function segmentationScore(classIndex: number, region: readonly number[], [channels, height, width]: readonly number[]) {
  const plane = height! * width!;
  return {
    label: 'spec segmentation',
    score: (output: Float32Array): number => {
      let total = 0;
      for (const pixel of region) {
        const logits = Array.from({ length: channels! }, (_, k) => output[k * plane + pixel]!);
        const top = Math.max(...logits);
        const exponentials = logits.map((value) => Math.exp(value - top));
        total += exponentials[classIndex]! / exponentials.reduce((sum, value) => sum + value, 0);
      }
      return Math.fround(total);
    },
  };
}

describe('polycam explain --target segmentation', () => {
  it('explains class C over the pixels predicted as C, as the definition computed here gives, and records the target', async () => {
    const out = dir.at('seg-out');
    const cli = await maps([images[0]!, '--model', seg, '--target', 'segmentation:1', '--layers', SEG_LAYERS, '--out', out]);
    const summary = JSON.parse(await readFile(join(out, 'a-pcampm.json'), 'utf8')) as Record<string, unknown>;
    await withLibrary(seg, async (explain, runModel) => {
      const input = inputOf(32, 32, 1, 32);
      const output = await runModel(input);
      const plane = 16 * 16;
      const predicted = [...Array(plane).keys()].filter((pixel) => {
        const logits = [0, 1, 2].map((k) => output[k * plane + pixel]!);
        return logits.indexOf(Math.max(...logits)) === 1;
      });
      expect(predicted.length).toBeGreaterThan(0);
      expect(summary['target']).toBe(`segmentation softmax[1] over ${predicted.length} pixels`);
      const expected = await explain({ input, method: 'pcam±', layers: SEG_LAYERS.split(','), target: segmentationScore(1, predicted, [3, 16, 16]) });
      expect(cli.maps.get('a.png')!.shape).toEqual([32, 32]);
      expect(maxAbsDiff(cli.maps.get('a.png')!.data, expected.data)).toBeLessThan(1e-5);
    });
  });

  it('explains class C over a mask (any channel non-zero is set), which changes the map', async () => {
    // A 16×16 mask, the output's size: red (255, 0, 0) pixels in rows 2..9, columns 4..11.
    const mask = Buffer.alloc(16 * 16 * 3);
    const region: number[] = [];
    for (let y = 2; y < 10; y += 1) for (let x = 4; x < 12; x += 1) {
      mask[(y * 16 + x) * 3] = 255;
      region.push(y * 16 + x);
    }
    await sharp(mask, { raw: { width: 16, height: 16, channels: 3 } }).png().toFile(dir.at('mask.png'));
    const masked = await maps([images[0]!, '--model', seg, '--target', `segmentation:2:${dir.at('mask.png')}`, '--layers', SEG_LAYERS]);
    const predicted = await maps([images[0]!, '--model', seg, '--target', 'segmentation:2', '--layers', SEG_LAYERS]);
    expect(Array.from(masked.maps.get('a.png')!.data)).not.toEqual(Array.from(predicted.maps.get('a.png')!.data));
    await withLibrary(seg, async (explain) => {
      const expected = await explain({ input: inputOf(32, 32, 1, 32), method: 'pcam±', layers: SEG_LAYERS.split(','), target: segmentationScore(2, region, [3, 16, 16]) });
      expect(maxAbsDiff(masked.maps.get('a.png')!.data, expected.data)).toBeLessThan(1e-5);
    });
  });

  it('shows the explained output and its shape in polycam layers, and explains a named graph output as the default one', async () => {
    const layers = await runCli(['layers', '--model', seg, '--output', 'logits']);
    expect(layers.code).toBe(0);
    expect(layers.stdout.split('\n')[0]).toBe(`model ${seg} (onnx): input 'input' 3×32×32 (NCHW, dynamic batch), output 'logits' 3×16×16 (768 values)`);
    const named = await maps([images[0]!, '--model', seg, '--output', 'logits', '--target', 'segmentation:0', '--layers', SEG_LAYERS]);
    const plain = await maps([images[0]!, '--model', seg, '--target', 'segmentation:0', '--layers', SEG_LAYERS]);
    expect(Array.from(named.maps.get('a.png')!.data)).toEqual(Array.from(plain.maps.get('a.png')!.data));
  });
});

describe('polycam explain --target with a reference (a plugin target through the CLI loader)', () => {
  const plugin = ['--plugin', fileURLToPath(new URL('../container/fixtures/similarityTargetPlugin.mjs', import.meta.url))];

  it("reads a reference image as the explained images are read and a .npy vector, which give the same map as the dot product computed here", async () => {
    const reference = await writePng(dir.at('ref.png'), 48, 40, 3, 7);
    await withLibrary(tiny, async (explain, runModel) => {
      const vector = await runModel(inputOf(48, 40, 7, 32));
      await writeFile(dir.at('ref.npy'), encodeNpy({ shape: [vector.length], data: vector }));
      const byImage = await maps([images[1]!, '--model', tiny, ...plugin, '--target', `similarity:${reference}`]);
      const byVector = await maps([images[1]!, '--model', tiny, ...plugin, '--target', `similarity:${dir.at('ref.npy')}`]);
      expect(Array.from(byImage.maps.get('b.png')!.data)).toEqual(Array.from(byVector.maps.get('b.png')!.data));
      const dot = { label: 'spec dot', score: (output: Float32Array) => Math.fround(output.reduce((sum, value, index) => sum + value * vector[index]!, 0)) };
      const expected = await explain({ input: inputOf(40, 24, 2, 32), method: 'pcam±', target: dot });
      expect(maxAbsDiff(byImage.maps.get('b.png')!.data, expected.data)).toBeLessThan(1e-5);
    });
  });
});

describe('polycam explain refuses a bad --target or --output in one line, with no file', () => {
  it.each([
    [['--target', 'nothing:1'], /--target 'nothing:1': unknown target kind 'nothing' \(expected KIND:ARGUMENT, one of class:\[CLASS\], segmentation:CLASS\[:MASK\.png\], embedding:REF\.png\|REF\.npy, detection:/],
    [['--target', 'segmentation:x'], /--target 'segmentation:x': expected a class index \(a non-negative integer\), got 'x'$/],
    [['--target', 'segmentation:3'], /--target 'segmentation:3': class 3 is out of range: output 'logits' \(\[3, 16, 16\]\) has 3 classes \(0\.\.2\)$/],
    [['--target', 'segmentation:1:absent.png'], /--target 'segmentation:1:absent\.png': image '.*\/absent\.png' does not exist$/],
    [['--target', 'segmentation:1:'], /--target 'segmentation:1:': no mask file after '1:'$/],
    [['--output', 'nope'], /: --output 'nope': '.*seg\.onnx' is not a usable ONNX model: it has no graph output.* named 'nope'/],
  ])('%j on the segmentation model', async (extra, pattern) => {
    await refused([images[0]!, '--model', seg, '--layers', SEG_LAYERS, ...extra], pattern);
  });

  it('refuses a segmentation target on a classifier, an all-black mask, and a missing .npy', async () => {
    await refused([images[0]!, '--model', tiny, '--target', 'segmentation:1'], /the segmentation target needs a \[C, H, W\] output, but output 'logits' has shape \[4\]$/);
    await sharp(Buffer.alloc(16 * 16 * 3), { raw: { width: 16, height: 16, channels: 3 } }).png().toFile(dir.at('black.png'));
    await refused([images[0]!, '--model', seg, '--target', `segmentation:1:${dir.at('black.png')}`], /region \(16×16\) has no pixel set/);
    const plugin = ['--plugin', fileURLToPath(new URL('../container/fixtures/similarityTargetPlugin.mjs', import.meta.url))];
    await refused([images[0]!, '--model', tiny, ...plugin, '--target', 'similarity:absent.npy'], /--target 'similarity:absent\.npy': '.*\/absent\.npy' does not exist$/);
  });

  it("names the image whose output predicts the class nowhere, after the first image's map, and leaves no file", async () => {
    // On this 6-class network a black image predicts class 3 at no pixel; the pattern image does.
    const six = await writeSegmentationModel(dir.at('seg6.onnx'), 6);
    const black = dir.at('black.png');
    await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png().toFile(black);
    await refused(
      [images[0]!, black, '--model', six, '--target', 'segmentation:3', '--layers', SEG_LAYERS],
      new RegExp(`^polycam: error: '${black}': no pixel of output 'logits' is predicted as class 3 on the unmasked image, so the segmentation region is empty; give a mask \\(segmentation:3:MASK\\.png\\)$`),
    );
  });

  it('lists the target kinds with their syntax in polycam targets', async () => {
    const listed = await runCli(['targets']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^kind +--target +score\n/);
    expect(listed.stdout).toMatch(/\nsegmentation +segmentation:CLASS\[:MASK\.png\] +class c's summed/);
  });
});

describe('polycam explain --target embedding on the bundled classifier, its global pool named by --output', () => {
  const layer = '/features/features.24/Relu_output_0';

  it("shows the pool as the explained output, and gives one map for a reference image and for its embedding as .npy, the cosine similarity computed here", async () => {
    const layers = await runCli(['layers', '--output', POOL]);
    expect(layers.code, layers.stderr).toBe(0);
    expect(layers.stdout.split('\n')[0]).toBe(`model ${demo.modelPath} (onnx): input 'input' 3×128×128 (NCHW, dynamic batch), output '${POOL}' 128×1×1 (128 values)`);
    const reference = await writePng(dir.at('embedding-ref.png'), 96, 80, 3, 9);
    const container = await createPolycamContainer(polycamModule, onnxBackendModule);
    const explainer = container.get(TOKENS.Explainer);
    // The ONNX backend's own load options name the output; loadModel passes them through.
    const options = { backend: 'onnx', output: POOL };
    const backend = await loadModel(container, { path: demo.modelPath }, options);
    try {
      expect(backend.description.output).toEqual({ name: POOL, shape: [128, 1, 1], size: 128 });
      const vector = (await backend.run({ input: { shape: [1, 3, 128, 128], data: inputOf(96, 80, 9, 128).data } })).output.data.slice(0, 128);
      await writeFile(dir.at('embedding-ref.npy'), encodeNpy({ shape: [128], data: vector }));
      const common = [images[0]!, '--output', POOL, '--method', 'pcam+', '--layers', layer];
      const byImage = await maps([...common, '--target', `embedding:${reference}`]);
      const byVector = await maps([...common, '--target', `embedding:${dir.at('embedding-ref.npy')}`]);
      expect(Array.from(byImage.maps.get('a.png')!.data)).toEqual(Array.from(byVector.maps.get('a.png')!.data));
      const norm = (values: Float32Array): number => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
      const cosine = {
        label: 'spec cosine',
        score: (output: Float32Array) => Math.fround(output.reduce((sum, value, index) => sum + value * vector[index]!, 0) / (norm(output) * norm(vector))),
      };
      const expected = await explainer.explain({ backend, input: inputOf(32, 32, 1, 128), method: 'pcam+', layers: [layer], target: cosine });
      expect(maxAbsDiff(byImage.maps.get('a.png')!.data, expected.map.data)).toBeLessThan(1e-5);
    } finally {
      await backend.dispose();
    }
  });
});
