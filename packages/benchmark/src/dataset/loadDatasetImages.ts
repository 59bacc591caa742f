import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetManifest } from '@polycam/synthetic';
import type { DatasetImage } from './DatasetImage.js';
import { readDatasetImage } from './readDatasetImage.js';

/**
 * Loads every test-split image of a synthetic-benchmark folder with its masks, such as the
 * bundled demo images (`bundledDemoModel().imagesFolder`).
 *
 * @param folder - The folder with `manifest.json`.
 * @returns The images with their objects, in the manifest's order.
 */
export async function loadDatasetImages(folder: string): Promise<DatasetImage[]> {
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
  const images: DatasetImage[] = [];
  for (const item of manifest.splits.test) images.push(await readDatasetImage(folder, item));
  return images;
}
