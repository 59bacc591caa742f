import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { bundledDemoModel, generateScene, type DatasetManifest } from '@polycam/synthetic';
import type { DemoScene } from './DemoScene.js';

/**
 * Redraws the bundled demo images from the seeds in their manifest: the same pixels as the PNG
 * files (the scenes are seeded and the PNGs lossless), with their object masks, and no image
 * decoder needed.
 *
 * @returns The demo scenes, in the manifest's order.
 */
export async function loadDemoScenes(): Promise<DemoScene[]> {
  const { imagesFolder } = bundledDemoModel();
  const manifest = JSON.parse(await readFile(join(imagesFolder, 'manifest.json'), 'utf8')) as DatasetManifest;
  return manifest.splits.test.map((item) => ({
    name: basename(item.file),
    ...generateScene({ seed: item.seed, size: manifest.size, labels: item.objects.map((object) => object.label) }),
  }));
}
