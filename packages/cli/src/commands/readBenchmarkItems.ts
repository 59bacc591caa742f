import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetManifest, ManifestImage } from '@polycam/synthetic';
import { ensureBenchmarkTestSplit } from '../benchmark/ensureBenchmarkTestSplit.js';

/**
 * The held-out one-object images a benchmark command runs on: makes sure the test split is in
 * `folder` (generating it if absent) and picks its first `count` one-object images.
 *
 * @param folder - The benchmark's test split folder (`--data`).
 * @param count - How many one-object images to use (`--images`).
 * @param log - Where to report progress lines.
 * @returns The images, in manifest order.
 */
export async function readBenchmarkItems(folder: string, count: number, log: (line: string) => void): Promise<readonly ManifestImage[]> {
  await ensureBenchmarkTestSplit(folder, log);
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
  return manifest.splits.test.filter((item) => item.kind === 'single').slice(0, count);
}
