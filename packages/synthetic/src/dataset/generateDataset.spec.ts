import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PolycamError } from '@polycam/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScene } from '../scene/generateScene.js';
import { objectClasses } from '../shapes/objectClasses.js';
import type { DatasetManifest } from './DatasetManifest.js';
import type { DatasetOptions } from './DatasetOptions.js';
import { generateDataset } from './generateDataset.js';
import type { ManifestImage } from './ManifestImage.js';

const SIZE = 64;
const SPLITS = ['train', 'validation', 'test'] as const;
const SMALL = {
  train: { single: 7, pair: 4 },
  validation: { single: 2, pair: 1 },
  test: { single: 3, pair: 2 },
} as const;

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'polycam-synthetic-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Decodes a mask PNG to one byte per pixel. The masks should be single-channel PNGs, but are
 * written as RGB for now (see the failing test below), so a grey RGB mask is accepted here when
 * its three channels agree.
 */
async function decodeMask(path: string): Promise<Buffer> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  expect(info.width * info.height).toBe(SIZE * SIZE);
  if (info.channels === 1) return data;
  expect(info.channels).toBe(3);
  const grey = Buffer.alloc(SIZE * SIZE);
  for (let pixel = 0; pixel < grey.length; pixel += 1) {
    const [r, g, b] = [data[pixel * 3]!, data[pixel * 3 + 1]!, data[pixel * 3 + 2]!];
    if (r !== g || g !== b) throw new Error(`${path}: pixel ${pixel} is not grey (${r}, ${g}, ${b})`);
    grey[pixel] = r;
  }
  return grey;
}

function allImages(manifest: DatasetManifest): ManifestImage[] {
  return SPLITS.flatMap((split) => manifest.splits[split]);
}

async function decodeRaw(path: string): Promise<{ data: Buffer; channels: number; width: number; height: number }> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels, width: info.width, height: info.height };
}

describe('generateDataset', () => {
  let folder: string;
  let manifest: DatasetManifest;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    folder = join(root, 'first');
    manifest = await generateDataset({
      folder,
      seed: 77,
      size: SIZE,
      classes: 3,
      splits: SMALL,
      onImage: (done, total) => progress.push([done, total]),
    });
  });

  it('writes manifest.json, the same manifest that it returns', async () => {
    const written = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(manifest).toMatchObject({ version: 1, seed: 77, size: SIZE, classes: ['disk', 'square', 'triangle'] });
  });

  it('lists the requested number of images of each kind in each split', () => {
    for (const split of SPLITS) {
      const images = manifest.splits[split];
      expect(images.filter((image) => image.kind === 'single')).toHaveLength(SMALL[split].single);
      expect(images.filter((image) => image.kind === 'pair')).toHaveLength(SMALL[split].pair);
      for (const image of images) {
        expect(image.file.startsWith(`${split}/`)).toBe(true);
        expect(image.objects).toHaveLength(image.kind === 'single' ? 1 : 2);
      }
    }
  });

  it('writes every file it lists, and nothing else', async () => {
    const listed = ['manifest.json', ...allImages(manifest).flatMap((image) => [image.file, ...image.objects.map((object) => object.mask)])];
    expect(new Set(listed).size).toBe(listed.length);
    expect(await listFiles(folder)).toEqual(listed.map((path) => join(...path.split('/'))).sort());
  });

  it('writes 64 × 64 RGB PNG images and 64 × 64 PNG masks', async () => {
    for (const image of allImages(manifest)) {
      const metadata = await sharp(join(folder, image.file)).metadata();
      expect(metadata).toMatchObject({ format: 'png', width: SIZE, height: SIZE, channels: 3 });
      for (const object of image.objects) {
        const maskMetadata = await sharp(join(folder, object.mask)).metadata();
        expect(maskMetadata).toMatchObject({ format: 'png', width: SIZE, height: SIZE, hasAlpha: false });
      }
    }
  });

  it('writes the masks as single-channel PNGs', async () => {
    const object = allImages(manifest)[0]!.objects[0]!;
    expect(await sharp(join(folder, object.mask)).metadata()).toMatchObject({ channels: 1 });
  });

  it('cycles single-object images through the classes', () => {
    for (const split of SPLITS) {
      const labels = manifest.splits[split].filter((image) => image.kind === 'single').map((image) => image.objects[0]!.label);
      for (let index = 0; index < labels.length; index += 1) {
        if (index + 3 < labels.length) expect(labels[index + 3]).toBe(labels[index]);
        if (index + 3 <= labels.length) expect(new Set(labels.slice(index, index + 3)), `${split} from ${index}`).toEqual(new Set([0, 1, 2]));
      }
    }
    // Seven training images over three classes: every class appears at least twice.
    const train = manifest.splits.train.filter((image) => image.kind === 'single').map((image) => image.objects[0]!.label);
    for (const label of [0, 1, 2]) expect(train.filter((value) => value === label).length).toBeGreaterThanOrEqual(2);
  });

  it('gives pair images two different classes among those asked for, named as in the manifest', () => {
    for (const image of allImages(manifest).filter((candidate) => candidate.kind === 'pair')) {
      const [a, b] = image.objects;
      expect(a!.label).not.toBe(b!.label);
      for (const object of image.objects) {
        expect(object.label).toBeGreaterThanOrEqual(0);
        expect(object.label).toBeLessThan(3);
        expect(object.className).toBe(manifest.classes[object.label]);
      }
    }
  });

  it('gives every image its own seed', () => {
    const seeds = allImages(manifest).map((image) => image.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it("stores masks and images that decode to the scene drawn from the manifest's seed and labels", async () => {
    for (const image of allImages(manifest)) {
      const scene = generateScene({ seed: image.seed, size: SIZE, labels: image.objects.map((object) => object.label) });
      const pixels = await decodeRaw(join(folder, image.file));
      expect(pixels.channels).toBe(3);
      expect(Buffer.compare(pixels.data, Buffer.from(scene.image.data))).toBe(0);
      for (const [index, object] of image.objects.entries()) {
        const mask = await decodeMask(join(folder, object.mask));
        const expected = Uint8Array.from(scene.objects[index]!.mask, (value) => value * 255);
        expect(Buffer.compare(mask, Buffer.from(expected)), `${object.mask}`).toBe(0);
        expect(object.box).toEqual(scene.objects[index]!.box);
      }
    }
  });

  it('records boxes that bound the decoded masks', async () => {
    for (const image of allImages(manifest).slice(0, 6)) {
      for (const object of image.objects) {
        const data = await decodeMask(join(folder, object.mask));
        let [x0, y0, x1, y1] = [SIZE, SIZE, -1, -1];
        data.forEach((value, index) => {
          if (value === 0) return;
          expect(value).toBe(255);
          const [x, y] = [index % SIZE, Math.floor(index / SIZE)];
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        });
        expect(object.box).toEqual([x0, y0, x1, y1]);
      }
    }
  });

  it('reports progress once per image', () => {
    const total = SPLITS.reduce((sum, split) => sum + SMALL[split].single + SMALL[split].pair, 0);
    expect(progress).toEqual(Array.from({ length: total }, (_, index) => [index + 1, total]));
  });

  it('writes byte-identical files for the same seed, and different images for another seed', async () => {
    const again = join(root, 'again');
    const other = join(root, 'other');
    const options = { seed: 77, size: SIZE, classes: 3, splits: SMALL };
    const second = await generateDataset({ ...options, folder: again });
    await generateDataset({ ...options, seed: 78, folder: other });
    expect(second).toEqual(manifest);
    const files = await listFiles(folder);
    expect(await listFiles(again)).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(folder, file)), readFile(join(again, file))]);
      expect(a.equals(b), file).toBe(true);
    }
    const firstImage = allImages(manifest)[0]!.file;
    const [mine, theirs] = await Promise.all([readFile(join(folder, firstImage)), readFile(join(other, firstImage))]);
    expect(mine.equals(theirs)).toBe(false);
  });

  it('uses all eight classes by default', async () => {
    const result = await generateDataset({
      folder: join(root, 'default-classes'),
      seed: 5,
      size: 48,
      splits: { train: { single: 8, pair: 0 }, validation: { single: 0, pair: 0 }, test: { single: 0, pair: 0 } },
    });
    expect(result.size).toBe(48);
    expect(result.classes).toEqual(objectClasses.map((objectClass) => objectClass.name));
    expect(new Set(result.splits.train.map((image) => image.objects[0]!.label))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
  });

  describe('errors', () => {
    const empty = { single: 0, pair: 0 };
    const valid: Omit<DatasetOptions, 'folder'> = { seed: 1, size: SIZE, classes: 3, splits: { train: { single: 1, pair: 1 }, validation: empty, test: empty } };

    async function expectRejected(change: Partial<DatasetOptions>, name: string, message?: RegExp): Promise<void> {
      const folder = join(root, `rejected-${name}`);
      let caught: unknown;
      try {
        await generateDataset({ ...valid, folder, ...change });
      } catch (error) {
        caught = error;
      }
      expect(PolycamError.is(caught, 'invalid-argument'), `${name}: threw ${String(caught)}`).toBe(true);
      if (message !== undefined) expect((caught as Error).message).toMatch(message);
      expect(existsSync(folder), `${name} wrote ${folder}`).toBe(false);
    }

    it('rejects zero classes or more classes than exist, writing nothing', async () => {
      await expectRejected({ classes: 0 }, 'zero-classes');
      await expectRejected({ classes: 9 }, 'nine-classes', /\b9\b/);
      await expectRejected({ classes: 2.5 }, 'fractional-classes');
    });

    it('rejects negative or fractional image counts in any split, writing nothing', async () => {
      await expectRejected({ splits: { ...valid.splits, train: { single: -1, pair: 0 } } }, 'negative-single');
      await expectRejected({ splits: { ...valid.splits, validation: { single: 1.5, pair: 0 } } }, 'fractional-single');
      await expectRejected({ splits: { ...valid.splits, test: { single: 0, pair: -2 } } }, 'negative-pair');
    });

    it('rejects pair images with a single class, writing nothing', async () => {
      await expectRejected({ classes: 1 }, 'pairs-one-class');
      await expectRejected({ classes: 1, splits: { train: empty, validation: empty, test: { single: 0, pair: 1 } } }, 'test-pairs-one-class');
    });

    it('accepts a single class when there are no pairs', async () => {
      const result = await generateDataset({ ...valid, folder: join(root, 'one-class'), classes: 1, splits: { ...valid.splits, train: { single: 2, pair: 0 } } });
      expect(result.splits.train.map((image) => image.objects[0]!.label)).toEqual([0, 0]);
    });

    it('rejects a size too small for the objects, writing nothing', async () => {
      await expectRejected({ size: 32 }, 'small-size', /\b32\b/);
    });

    it('rejects a size over 512 px and more than 100000 images, writing nothing', async () => {
      await expectRejected({ size: 20_000 }, 'huge-size', /at most 512 px, got 20000/);
      await expectRejected({ splits: { ...valid.splits, train: { single: 60_000, pair: 40_001 } } }, 'too-many', /at most 100000 images in all, got 100001/);
    });

    it('refuses a folder that exists and is not empty, leaving its files alone', async () => {
      const folder = join(root, 'occupied');
      await mkdir(folder);
      await writeFile(join(folder, 'notes.txt'), 'mine');
      const caught = await generateDataset({ ...valid, folder }).catch((error: unknown) => error);
      expect(PolycamError.is(caught, 'invalid-argument'), String(caught)).toBe(true);
      expect((caught as Error).message).toContain(`'${folder}' already exists and is not empty`);
      expect(await listFiles(folder)).toEqual(['notes.txt']);
    });

    it('fills an empty folder that exists, leaving no temporary folder next to it', async () => {
      const parent = join(root, 'empty-parent');
      await mkdir(join(parent, 'empty'), { recursive: true });
      await generateDataset({ ...valid, folder: join(parent, 'empty') });
      expect(await readdir(parent)).toEqual(['empty']);
      expect(await listFiles(join(parent, 'empty'))).toContain('manifest.json');
    });
  });

  describe('cancellation', () => {
    const empty = { single: 0, pair: 0 };
    const many = { seed: 3, size: 48, classes: 2, splits: { train: { single: 20, pair: 20 }, validation: empty, test: empty } };

    it('stops when the signal fires mid-way, and leaves neither the folder nor a temporary one, nor the parents it created', async () => {
      const parent = join(root, 'cancelled-parent');
      const controller = new AbortController();
      let written = 0;
      const caught = await generateDataset({
        ...many,
        folder: join(parent, 'nested', 'data'),
        signal: controller.signal,
        onImage: (done) => {
          written = done;
          if (done === 3) controller.abort();
        },
      }).catch((error: unknown) => error);
      expect(PolycamError.is(caught, 'aborted'), String(caught)).toBe(true);
      expect(written).toBe(3);
      expect(existsSync(parent)).toBe(false);
    });

    it('stops between the masks of one image', async () => {
      const folder = join(root, 'cancelled-mask');
      const controller = new AbortController();
      const signal = controller.signal;
      let checks = 0;
      // A signal that fires on its third look: before image 0, before its mask 0, before its mask 1.
      const counting = Object.create(signal, {
        aborted: {
          get: () => {
            checks += 1;
            return checks >= 3;
          },
        },
      }) as AbortSignal;
      const caught = await generateDataset({ ...many, splits: { ...many.splits, train: { single: 0, pair: 2 } }, folder, signal: counting }).catch((error: unknown) => error);
      expect(PolycamError.is(caught, 'aborted'), String(caught)).toBe(true);
      expect(checks).toBe(3);
      expect(existsSync(folder)).toBe(false);
      expect((await readdir(root)).filter((name) => name.startsWith('.cancelled-mask'))).toEqual([]);
    });

    it('writes nothing when the signal has already fired', async () => {
      const folder = join(root, 'cancelled-before');
      const caught = await generateDataset({ ...many, folder, signal: AbortSignal.abort() }).catch((error: unknown) => error);
      expect(PolycamError.is(caught, 'aborted'), String(caught)).toBe(true);
      expect(existsSync(folder)).toBe(false);
    });
  });
});
