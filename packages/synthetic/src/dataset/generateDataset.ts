import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolycamError, seededRandom } from '@polycam/core';
import { generateScene } from '../scene/generateScene.js';
import { objectClasses } from '../shapes/objectClasses.js';
import type { DatasetManifest } from './DatasetManifest.js';
import type { DatasetOptions } from './DatasetOptions.js';
import type { ManifestImage } from './ManifestImage.js';
import type { SplitSizes } from './SplitSizes.js';
import { encodePng } from './encodePng.js';
import { sceneSeed } from './sceneSeed.js';
import { writeFolderWhole } from './writeFolderWhole.js';

const SPLITS = ['train', 'validation', 'test'] as const;
type Split = (typeof SPLITS)[number];

/** The most images one dataset may hold, in all splits together. */
const MAX_IMAGES = 100_000;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PolycamError('aborted', 'the benchmark generation was cancelled', { cause: signal.reason });
}

function checkOptions(options: DatasetOptions, classes: number): void {
  if (!Number.isInteger(classes) || classes < 1 || classes > objectClasses.length) {
    throw new PolycamError('invalid-argument', `the benchmark needs between 1 and ${objectClasses.length} classes, got ${classes}`);
  }
  for (const split of SPLITS) {
    const sizes = options.splits[split];
    for (const count of [sizes.single, sizes.pair]) {
      if (!Number.isInteger(count) || count < 0) {
        throw new PolycamError('invalid-argument', `the ${split} split's image counts must be non-negative integers, got ${count}`);
      }
    }
    if (sizes.pair > 0 && classes < 2) {
      throw new PolycamError('invalid-argument', 'two-object images need at least 2 classes');
    }
  }
  const total = SPLITS.reduce((sum, split) => sum + options.splits[split].single + options.splits[split].pair, 0);
  if (total > MAX_IMAGES) {
    throw new PolycamError('invalid-argument', `a benchmark holds at most ${MAX_IMAGES} images in all, got ${total}`);
  }
}

function labelsFor(kind: 'single' | 'pair', index: number, classes: number, seed: number): number[] {
  if (kind === 'single') return [index % classes];
  const random = seededRandom(seed ^ 0x5bd1e995);
  const first = Math.floor(random() * classes);
  const second = (first + 1 + Math.floor(random() * (classes - 1))) % classes;
  return [first, second];
}

async function writeImages(folder: string, options: DatasetOptions, size: number, classes: number): Promise<Record<Split, ManifestImage[]>> {
  const { signal } = options;
  const total = SPLITS.reduce((sum, split) => sum + options.splits[split].single + options.splits[split].pair, 0);
  let done = 0;
  const images: Record<Split, ManifestImage[]> = { train: [], validation: [], test: [] };
  for (const [splitIndex, split] of SPLITS.entries()) {
    const sizes: SplitSizes = options.splits[split];
    if (sizes.single + sizes.pair > 0) await mkdir(join(folder, split), { recursive: true });
    for (const [kindIndex, kind] of (['single', 'pair'] as const).entries()) {
      for (let index = 0; index < sizes[kind]; index += 1) {
        throwIfCancelled(signal);
        const seed = sceneSeed(options.seed, splitIndex, kindIndex, index);
        const scene = generateScene({ seed, size, labels: labelsFor(kind, index, classes, seed) });
        const stem = `${split}/${kind}-${String(index).padStart(5, '0')}`;
        await writeFile(join(folder, `${stem}.png`), await encodePng(scene.image.data, size, 3));
        const objects = [];
        for (const [objectIndex, object] of scene.objects.entries()) {
          throwIfCancelled(signal);
          const mask = `${stem}-mask${objectIndex}.png`;
          await writeFile(join(folder, mask), await encodePng(object.mask.map((value) => value * 255), size, 1));
          objects.push({ label: object.label, className: object.className, mask, box: object.box });
        }
        images[split].push({ file: `${stem}.png`, kind, seed, objects });
        done += 1;
        options.onImage?.(done, total);
      }
    }
  }
  throwIfCancelled(signal);
  return images;
}

/**
 * Writes the synthetic benchmark to a new folder: for each split, PNG images
 * (`<split>/<kind>-<index>.png`), one PNG mask per object (`…-mask<k>.png`, white on black),
 * and a `manifest.json` listing every image with its objects' labels, masks and boxes.
 * Single-object images cycle through the classes; two-object images draw two different classes.
 * Each image's scene comes from its own seed, derived from the dataset's seed and its place, so
 * the same options give byte-identical files.
 *
 * The folder appears whole or not at all: the files are written into a hidden temporary folder
 * next to it, renamed into place once `manifest.json` is written, and removed on an error or
 * when `options.signal` fires (checked before each image and each mask).
 *
 * @param options - The folder (which must not exist, or be empty), seed, size (48 to 512 px),
 *   class count, split sizes (at most 100000 images in all) and cancellation signal.
 * @returns The manifest, also written as `manifest.json`.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for zero classes, more classes than exist,
 *   negative counts or too many images, pairs with one class, a size outside 48 to 512 px, or a
 *   folder that exists and is not empty; `aborted` when `options.signal` fires;
 *   `output-failure` when the folder cannot be written.
 */
export async function generateDataset(options: DatasetOptions): Promise<DatasetManifest> {
  const size = options.size ?? 128;
  const classes = options.classes ?? objectClasses.length;
  checkOptions(options, classes);
  generateScene({ seed: 0, size, labels: [0], clutter: false, noise: 0 }); // validates the size early
  throwIfCancelled(options.signal);
  return writeFolderWhole(options.folder, async (folder) => {
    const manifest: DatasetManifest = {
      version: 1,
      seed: options.seed,
      size,
      classes: objectClasses.slice(0, classes).map((objectClass) => objectClass.name),
      splits: await writeImages(folder, options, size, classes),
    };
    await writeFile(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    return manifest;
  });
}
