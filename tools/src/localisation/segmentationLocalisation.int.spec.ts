import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { runLocalisation, type BenchmarkImages } from '@polycam/benchmark';
import { createPolycamContainer, loadModel, PolycamError, TOKENS, type Explainer, type ModelBackend } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel, bundledSegmentationModel, type DatasetManifest } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HANG_GUARD_MS = 600_000;

describe('runLocalisation with a segmentation target, on the bundled segmentation network', () => {
  const { modelPath, metadata } = bundledSegmentationModel();
  let explainer: Explainer;
  let backend: ModelBackend;
  let images: BenchmarkImages;

  beforeAll(async () => {
    const container = await createPolycamContainer(polycamModule, onnxBackendModule);
    explainer = container.get(TOKENS.Explainer);
    backend = await loadModel(container, { path: modelPath }, { backend: 'onnx' });
    // The bundled demo images: their first one-object image (a disk) and first two-object image.
    const folder = bundledDemoModel().imagesFolder;
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as DatasetManifest;
    const test = manifest.splits.test;
    images = { folder, singles: test.filter((item) => item.kind === 'single').slice(0, 1), pairs: test.filter((item) => item.kind === 'pair').slice(0, 1) };
  });
  afterAll(async () => {
    await backend.dispose();
  });

  it('explains each object\'s class over its predicted region, and those maps sit on the object', async () => {
    const progress: number[] = [];
    const report = await runLocalisation({
      explainer,
      backend,
      images,
      model: metadata,
      layers: metadata.recommendedLayers,
      targetOf: (label) => ({ kind: 'segmentation', options: { classIndex: label + 1 } }),
      onProgress: (done) => progress.push(done),
    });
    expect(report).toMatchObject({ singles: 1, pairMaps: 2, explanations: 3, unbound: 0 });
    expect(progress).toEqual([1, 3]);
    expect(report.rows.map((row) => row.label).slice(0, 2)).toEqual(['PCAM± (LNorm, the default)', 'PCAM± without LNorm']);
    expect(report.rows).toHaveLength(2 + metadata.recommendedLayers.length);
    // Without LNorm, the map of "disk over the pixels predicted as disk" keeps most of its
    // energy on the disk and peaks on it; on the pair, each class's map favours its own object.
    const withoutLNorm = report.rows[1]!;
    expect(withoutLNorm.pointingGame).toBe(1);
    expect(withoutLNorm.energyInObject).toBeGreaterThan(0.5);
    expect(withoutLNorm.pairsOwnWins).toBe(1);
  }, HANG_GUARD_MS);

  it('leaves out, and counts, an object whose target cannot be bound; and fails when none can', async () => {
    // Class 4 (label 5) is the star, predicted nowhere on the first one- and two-object images.
    const star = { kind: 'segmentation', options: { classIndex: 4 + 1 } };
    const options = { explainer, backend, model: metadata, layers: metadata.recommendedLayers };
    const rejected = runLocalisation({ ...options, images: { ...images, pairs: [] }, targetOf: () => star });
    await expect(rejected).rejects.toBeInstanceOf(PolycamError);
    await expect(rejected).rejects.toMatchObject({ kind: 'invalid-argument' });
    // The disk (class 0) is explained over its region; the pair's other object is asked for the star.
    const mixed = await runLocalisation({
      ...options,
      images,
      targetOf: (label) => (label === 0 ? { kind: 'segmentation', options: { classIndex: 1 } } : star),
    });
    expect(mixed).toMatchObject({ singles: 1, pairMaps: 1, explanations: 2, unbound: 1 });
  }, HANG_GUARD_MS);
});
