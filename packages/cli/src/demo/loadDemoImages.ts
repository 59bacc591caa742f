import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DatasetManifest } from '@polycam/synthetic';
import { readImage } from '../image/readImage.js';
import { readMask } from '../image/readMask.js';
import type { DemoImage } from './DemoImage.js';

/**
 * Loads the bundled demo images and their masks from a benchmark folder's test split.
 *
 * @param folder - The folder with `manifest.json`.
 * @returns The images with their objects.
 */
export async function loadDemoImages(folder: string): Promise<DemoImage[]> {
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
  const images: DemoImage[] = [];
  for (const item of manifest.splits.test) {
    const objects = [];
    for (const object of item.objects) {
      objects.push({ label: object.label, className: object.className, mask: (await readMask(join(folder, object.mask))).mask });
    }
    images.push({ name: basename(item.file), pixels: await readImage(join(folder, item.file), 3), objects });
  }
  return images;
}
