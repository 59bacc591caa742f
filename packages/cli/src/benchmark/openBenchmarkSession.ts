import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModel, TOKENS } from '@polycam/core';
import { createCliContainer } from '../container/createCliContainer.js';
import { bundledDemoModel, type DatasetManifest } from '@polycam/synthetic';
import type { BenchmarkSession } from './BenchmarkSession.js';
import { ensureBenchmarkTestSplit } from './ensureBenchmarkTestSplit.js';

/**
 * Prepares a benchmark command: makes sure the test split is in `folder` (generating it if
 * absent), picks its first `count` one-object and two-object images, and loads the bundled model
 * with an explainer.
 *
 * @param folder - The benchmark's test split folder.
 * @param count - How many one-object (and, at most, two-object) images to use.
 * @param threads - onnxruntime's intra-op threads, if set.
 * @param log - Where to report progress lines.
 * @returns The session; dispose its backend when done.
 */
export async function openBenchmarkSession(
  folder: string,
  count: number,
  threads: number | undefined,
  log: (line: string) => void,
): Promise<BenchmarkSession> {
  await ensureBenchmarkTestSplit(folder, log);
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
  const items = manifest.splits.test.filter((item) => item.kind === 'single').slice(0, count);
  const pairs = manifest.splits.test.filter((item) => item.kind === 'pair').slice(0, count);
  const { modelPath, metadata } = bundledDemoModel();
  const container = await createCliContainer();
  const backend = await loadModel(container, { path: modelPath }, { backend: 'onnx', ...(threads ? { threads } : {}) });
  return { folder, items, pairs, metadata, explainer: container.get(TOKENS.Explainer), backend };
}
