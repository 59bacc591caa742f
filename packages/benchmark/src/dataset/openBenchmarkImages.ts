import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetManifest } from '@polycam/synthetic';
import type { BenchmarkImages } from './BenchmarkImages.js';
import { ensureBenchmarkTestSplit } from './ensureBenchmarkTestSplit.js';

/**
 * Makes sure `folder` holds the benchmark's test split (generating it if absent) and picks its
 * first `count` one-object and, as many at most, two-object images.
 *
 * @param folder - The benchmark's test split folder.
 * @param count - How many one-object (and, at most, two-object) images; `Infinity` for all.
 * @param log - Where to say that the split is being generated.
 * @param signal - Cancels the generation, leaving no folder behind.
 * @returns The folder and the picked manifest entries.
 */
export async function openBenchmarkImages(folder: string, count: number, log: (line: string) => void, signal?: AbortSignal): Promise<BenchmarkImages> {
  await ensureBenchmarkTestSplit(folder, log, signal);
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
  const singles = manifest.splits.test.filter((item) => item.kind === 'single').slice(0, count);
  const pairs = manifest.splits.test.filter((item) => item.kind === 'pair').slice(0, count);
  return { folder, singles, pairs };
}
