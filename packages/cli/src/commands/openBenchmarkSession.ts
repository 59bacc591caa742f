import { TOKENS, type Explainer, type ModelBackend } from '@polycam/core';
import type { Container } from 'inversify';
import { openBenchmarkImages, type BenchmarkImages } from '@polycam/benchmark';
import { bundledDemoModel, type DemoModelMetadata } from '@polycam/synthetic';
import { openCliModel } from '../model/openCliModel.js';

/**
 * Prepares `polycam benchmark` and `polycam sanity`: makes sure the test split is in `folder`
 * (generating it if absent), picks its first `count` images, and loads the bundled model (its
 * ONNX file, or its TF.js copy with `backend: 'tfjs'`) in the given container.
 *
 * @param container - The CLI's container (see `createCliContainer`).
 * @param folder - The benchmark's test split folder.
 * @param count - How many one-object (and, at most, two-object) images to use.
 * @param threads - The runtime's threads, if set.
 * @param log - Where to report progress lines.
 * @param backendId - `onnx` (the default) or `tfjs`.
 * @returns What the protocols take; dispose the backend when done.
 */
export async function openBenchmarkSession(
  container: Container,
  folder: string,
  count: number,
  threads: number | undefined,
  log: (line: string) => void,
  backendId = 'onnx',
): Promise<{ explainer: Explainer; backend: ModelBackend; images: BenchmarkImages; model: DemoModelMetadata; layers: readonly string[] }> {
  const images = await openBenchmarkImages(folder, count, log);
  const { metadata } = bundledDemoModel();
  const { backend } = await openCliModel(container, { backend: backendId, ...(threads ? { threads: String(threads) } : {}) });
  const layers = backend.id === 'tfjs' ? metadata.tfjs.recommendedLayers : metadata.recommendedLayers;
  return { explainer: container.get(TOKENS.Explainer), backend, images, model: metadata, layers };
}
