import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TOKENS } from '@polycam/core';
import { createCliContainer } from '../container/createCliContainer.js';
import { bundledDemoModel, type DatasetManifest } from '@polycam/synthetic';
import { openCliModel } from '../model/openCliModel.js';
import type { BenchmarkSession } from './BenchmarkSession.js';
import { ensureBenchmarkTestSplit } from './ensureBenchmarkTestSplit.js';

/**
 * Prepares a benchmark command: makes sure the test split is in `folder` (generating it if
 * absent), picks its first `count` one-object and two-object images, and loads the bundled model
 * (its ONNX file, or its TF.js copy with `backend: 'tfjs'`) with an explainer.
 *
 * @param folder - The benchmark's test split folder.
 * @param count - How many one-object (and, at most, two-object) images to use.
 * @param threads - The runtime's threads, if set.
 * @param log - Where to report progress lines.
 * @param backendId - `onnx` (the default) or `tfjs`.
 * @returns The session; dispose its backend when done.
 */
export async function openBenchmarkSession(
  folder: string,
  count: number,
  threads: number | undefined,
  log: (line: string) => void,
  backendId = 'onnx',
): Promise<BenchmarkSession> {
  await ensureBenchmarkTestSplit(folder, log);
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
  const items = manifest.splits.test.filter((item) => item.kind === 'single').slice(0, count);
  const pairs = manifest.splits.test.filter((item) => item.kind === 'pair').slice(0, count);
  const { metadata } = bundledDemoModel();
  const container = await createCliContainer();
  const { backend } = await openCliModel(container, { backend: backendId, ...(threads ? { threads: String(threads) } : {}) });
  const layers = backend.id === 'tfjs' ? metadata.tfjs.recommendedLayers : metadata.recommendedLayers;
  return { folder, items, pairs, metadata, layers, explainer: container.get(TOKENS.Explainer), backend };
}
