import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPolycamContainer, loadModel, preprocessImage, TOKENS, type Map2D, type ModelBackend } from '@polycam/core';
import { rejectionKindOf } from '@polycam/core/testing';
import { OnnxBackend, onnxBackendModule } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel, generateScene, type DatasetManifest } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrtWebBackend, ortWebBackendModule } from '@polycam/backend-onnx-web';

// The same PCAM± maps as @polycam/backend-onnx (onnxruntime-node) on the bundled demo model and
// every one of its demo images, redrawn from their seeds.

/** Pearson's r, as the cosine of the two centred maps. */
function correlation(a: Map2D, b: Map2D): number {
  const centred = (map: Map2D): number[] => {
    const mean = map.data.reduce((sum, value) => sum + value, 0) / map.data.length;
    return Array.from(map.data, (value) => value - mean);
  };
  const [x, y] = [centred(a), centred(b)];
  const dot = (u: number[], v: number[]): number => u.reduce((sum, value, index) => sum + value * v[index]!, 0);
  return dot(x, y) / Math.sqrt(dot(x, x) * dot(y, y));
}

describe('OrtWebBackend against @polycam/backend-onnx', () => {
  const { modelPath, imagesFolder, metadata } = bundledDemoModel();
  let web: ModelBackend;
  let node: ModelBackend;

  beforeAll(async () => {
    const container = await createPolycamContainer(polycamModule, onnxBackendModule, ortWebBackendModule);
    web = await loadModel(container, { path: modelPath }, { backend: 'onnxruntime-web' });
    node = await loadModel(container, { path: modelPath }, { backend: 'onnx' });
  });
  afterAll(async () => {
    await web?.dispose();
    await node?.dispose();
  });

  it('is the backend that loadModel picks by id, and describes the model as backend-onnx does', () => {
    expect(web).toBeInstanceOf(OrtWebBackend);
    expect(web.capabilities).toEqual(new Set(['forward', 'masked-inputs']));
    expect(web.description).toEqual(node.description);
  });

  it('gives the same class, passes and PCAM± map on every demo image (Pearson r ≥ 0.9999)', async () => {
    const manifest = JSON.parse(await readFile(join(imagesFolder, 'manifest.json'), 'utf8')) as DatasetManifest;
    const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    expect(manifest.splits.test.length).toBeGreaterThanOrEqual(10);
    for (const item of manifest.splits.test) {
      const scene = generateScene({ seed: item.seed, size: manifest.size, labels: item.objects.map((object) => object.label) });
      const input = preprocessImage(scene.image, { height: manifest.size, width: manifest.size, mean: metadata.mean, std: metadata.std });
      const fromWeb = await explainer.explain({ backend: web, input, method: 'pcam±' });
      const fromNode = await explainer.explain({ backend: node, input, method: 'pcam±' });
      expect(fromWeb.classIndex).toBe(fromNode.classIndex);
      expect(fromWeb.passes).toEqual(fromNode.passes);
      expect(correlation(fromWeb.map, fromNode.map)).toBeGreaterThanOrEqual(0.9999);
    }
  }, 300_000);
});

describe('OrtWebBackend.load', () => {
  it('refuses a missing file and a corrupt model with typed errors', async () => {
    expect(await rejectionKindOf(OrtWebBackend.load({ path: '/no/such/model.onnx' }))).toBe('file-not-found');
    expect(await rejectionKindOf(OrtWebBackend.load({ bytes: new Uint8Array([1, 2, 3, 4]), name: 'junk.onnx' }))).toBe('invalid-model');
  });

  it('runs an NHWC model on NCHW inputs as @polycam/backend-onnx does', async () => {
    const bytes = buildTinyCnn({ inputLayout: 'NHWC' });
    const web = await OrtWebBackend.load({ bytes, name: 'nhwc.onnx' });
    const node = await OnnxBackend.load({ bytes, name: 'nhwc.onnx' });
    try {
      expect(web.description).toEqual(node.description);
      const [channels, height, width] = web.description.input.shape;
      const data = Float32Array.from({ length: channels * height * width }, (_, index) => Math.sin(index));
      const input = { shape: [1, channels, height, width], data };
      const [a, b] = [await web.run({ input }), await node.run({ input })];
      expect(a.output.shape).toEqual(b.output.shape);
      a.output.data.forEach((value, index) => expect(value).toBeCloseTo(b.output.data[index]!, 5));
    } finally {
      await web.dispose();
      await node.dispose();
    }
  });
});
