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

const SPLITS = ['train', 'validation', 'test'] as const;

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
}

function labelsFor(kind: 'single' | 'pair', index: number, classes: number, seed: number): number[] {
  if (kind === 'single') return [index % classes];
  const random = seededRandom(seed ^ 0x5bd1e995);
  const first = Math.floor(random() * classes);
  const second = (first + 1 + Math.floor(random() * (classes - 1))) % classes;
  return [first, second];
}

/**
 * Writes the synthetic benchmark to a folder: for each split, PNG images
 * (`<split>/<kind>-<index>.png`), one PNG mask per object (`…-mask<k>.png`, white on black),
 * and a `manifest.json` listing every image with its objects' labels, masks and boxes.
 * Single-object images cycle through the classes; two-object images draw two different classes.
 * Each image's scene comes from its own seed, derived from the dataset's seed and its place, so
 * the same options give byte-identical files.
 *
 * @param options - The folder, seed, size, class count and split sizes.
 * @returns The manifest, also written as `manifest.json`.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for zero classes, more classes than exist,
 *   negative counts, pairs with one class, or a size too small for the objects.
 */
export async function generateDataset(options: DatasetOptions): Promise<DatasetManifest> {
  const size = options.size ?? 128;
  const classes = options.classes ?? objectClasses.length;
  checkOptions(options, classes);
  generateScene({ seed: 0, size, labels: [0], clutter: false, noise: 0 }); // validates the size early
  await mkdir(options.folder, { recursive: true });
  const total = SPLITS.reduce((sum, split) => sum + options.splits[split].single + options.splits[split].pair, 0);
  let done = 0;
  const images: Record<(typeof SPLITS)[number], ManifestImage[]> = { train: [], validation: [], test: [] };
  for (const [splitIndex, split] of SPLITS.entries()) {
    const sizes: SplitSizes = options.splits[split];
    if (sizes.single + sizes.pair > 0) await mkdir(join(options.folder, split), { recursive: true });
    for (const [kindIndex, kind] of (['single', 'pair'] as const).entries()) {
      for (let index = 0; index < sizes[kind]; index += 1) {
        const seed = sceneSeed(options.seed, splitIndex, kindIndex, index);
        const scene = generateScene({ seed, size, labels: labelsFor(kind, index, classes, seed) });
        const stem = `${split}/${kind}-${String(index).padStart(5, '0')}`;
        await writeFile(join(options.folder, `${stem}.png`), await encodePng(scene.image.data, size, 3));
        const objects = [];
        for (const [objectIndex, object] of scene.objects.entries()) {
          const mask = `${stem}-mask${objectIndex}.png`;
          await writeFile(join(options.folder, mask), await encodePng(object.mask.map((value) => value * 255), size, 1));
          objects.push({ label: object.label, className: object.className, mask, box: object.box });
        }
        images[split].push({ file: `${stem}.png`, kind, seed, objects });
        done += 1;
        options.onImage?.(done, total);
      }
    }
  }
  const manifest: DatasetManifest = {
    version: 1,
    seed: options.seed,
    size,
    classes: objectClasses.slice(0, classes).map((objectClass) => objectClass.name),
    splits: images,
  };
  await writeFile(join(options.folder, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
