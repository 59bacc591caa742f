import { argmax, preprocessImage, resolveLayers } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { bundledDemoModel, generateScene, sceneSeed } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSplits, loadDatasetImages } from '@polycam/benchmark';

describe('the bundled demo model', () => {
  const { modelPath, imagesFolder, metadata } = bundledDemoModel();
  let backend: OnnxBackend;

  beforeAll(async () => {
    backend = await OnnxBackend.load({ path: modelPath });
  });
  afterAll(async () => {
    await backend.dispose();
  });

  async function predict(pixels: Parameters<typeof preprocessImage>[0]): Promise<number> {
    const [, height, width] = metadata.inputShape;
    const input = preprocessImage(pixels, { height, width, mean: metadata.mean, std: metadata.std });
    const result = await backend.run({ input: { shape: [1, ...input.shape], data: input.data } });
    return argmax(result.output.data);
  }

  it('matches its metadata: input, classes and the layers auto discovery picks, at least four stages', () => {
    expect(backend.description.input.shape).toEqual(metadata.inputShape);
    expect(backend.description.output.size).toBe(metadata.classes.length);
    expect(metadata.classes.length).toBeGreaterThanOrEqual(8);
    expect(resolveLayers(backend.description, 'auto')).toEqual(metadata.recommendedLayers);
    const sizes = new Set(metadata.recommendedLayers.map((name) => backend.description.layers.find((layer) => layer.name === name)!.shape[1]));
    expect(sizes.size).toBeGreaterThanOrEqual(4);
  });

  it('classifies every bundled one-object demo image correctly', async () => {
    const images = (await loadDatasetImages(imagesFolder)).filter((image) => image.objects.length === 1);
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) {
      expect(metadata.classes[await predict(image.pixels)], image.name).toBe(image.objects[0]!.className);
    }
  });

  it('reaches at least 97% accuracy on the held-out test split, regenerated from its seeds', async () => {
    // The test split's scenes are redrawn here from the benchmark's seed, so this measures the
    // shipped model on images it never saw, independently of the training report.
    const count = benchmarkSplits.splits.test.single;
    let correct = 0;
    for (let index = 0; index < count; index += 1) {
      const label = index % metadata.classes.length;
      const scene = generateScene({ seed: sceneSeed(benchmarkSplits.seed, 2, 0, index), size: benchmarkSplits.size, labels: [label] });
      correct += (await predict(scene.image)) === label ? 1 : 0;
    }
    expect(correct / count).toBeGreaterThanOrEqual(0.97);
    expect(Math.abs(correct / count - metadata.training.testAccuracy)).toBeLessThan(0.005);
  }, 120_000);

  it('stays small: the ONNX file is under 10 MB', async () => {
    const { stat } = await import('node:fs/promises');
    expect((await stat(modelPath)).size).toBeLessThan(10 * 1024 * 1024);
  });
});
