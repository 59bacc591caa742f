import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preprocessImage, resolveLayers } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { bundledDemoModel, bundledSegmentationModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetImages, openBenchmarkImages, readDatasetImage, type DatasetImage } from '@polycam/benchmark';

const HANG_GUARD_MS = 600_000;
/** A few points under what the shipped model measures (see its metadata), so that a broken model fails. */
const PIXEL_ACCURACY_FLOOR = 0.99; // measured 99.67 %
const MEAN_IOU_FLOOR = 0.88; // measured 91.1 %

describe('the bundled demo segmentation network', () => {
  const { modelPath, metadata } = bundledSegmentationModel();
  const [, height, width] = metadata.inputShape;
  const labels = metadata.classes.length;
  let backend: OnnxBackend;
  let folder: string;

  beforeAll(async () => {
    backend = await OnnxBackend.load({ path: modelPath });
    folder = await mkdtemp(join(tmpdir(), 'polycam-seg-'));
  });
  afterAll(async () => {
    await backend.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  /** Each pixel's label with the highest logit, from the `[labels, H, W]` output of each image. */
  async function segment(images: readonly DatasetImage[]): Promise<Uint8Array[]> {
    const pixels = height * width;
    const batch = new Float32Array(images.length * 3 * pixels);
    images.forEach((image, index) => {
      batch.set(preprocessImage(image.pixels, { height, width, mean: metadata.mean, std: metadata.std }).data, index * 3 * pixels);
    });
    const { output } = await backend.run({ input: { shape: [images.length, 3, height, width], data: batch } });
    return images.map((_, index) => {
      const labelled = new Uint8Array(pixels);
      const logits = output.data.subarray(index * labels * pixels, (index + 1) * labels * pixels);
      for (let pixel = 0; pixel < pixels; pixel += 1) {
        let best = 0;
        for (let label = 1; label < labels; label += 1) {
          if (logits[label * pixels + pixel]! > logits[best * pixels + pixel]!) best = label;
        }
        labelled[pixel] = best;
      }
      return labelled;
    });
  }

  /** The true label of each pixel: 0 outside every object, 1 + class inside one. */
  function truth(image: DatasetImage): Uint8Array {
    const labelled = new Uint8Array(height * width);
    for (const object of image.objects) object.mask.forEach((inside, pixel) => inside && (labelled[pixel] = object.label + 1));
    return labelled;
  }

  it('matches its metadata: input, [labels, H, W] output, background then the classifier\'s classes, the layers auto discovers', () => {
    expect(backend.description.input.shape).toEqual(metadata.inputShape);
    expect(backend.description.output.size).toBe(labels * height * width);
    expect(metadata.outputShape).toEqual([labels, height, width]);
    expect(metadata.classes).toEqual(['background', ...bundledDemoModel().metadata.classes]);
    expect(resolveLayers(backend.description, 'auto')).toEqual(metadata.recommendedLayers);
  });

  it('labels most of each bundled demo object with its class', async () => {
    const images = await loadDatasetImages(bundledDemoModel().imagesFolder);
    const predicted = await segment(images);
    images.forEach((image, index) => {
      for (const object of image.objects) {
        let inside = 0;
        let right = 0;
        object.mask.forEach((value, pixel) => {
          inside += value;
          right += value && predicted[index]![pixel] === object.label + 1 ? 1 : 0;
        });
        expect(right / inside, `${image.name}: ${object.className}`).toBeGreaterThan(0.6);
      }
    });
  });

  it('reaches its pixel accuracy and mean IoU on the held-out test split, regenerated from its seed', async () => {
    // The test split is redrawn here from the benchmark's seed, so this measures the shipped model
    // on images it never saw, independently of the training report.
    const split = await openBenchmarkImages(folder, Infinity, () => undefined);
    const items = [...split.singles, ...split.pairs];
    const confusion = new Float64Array(labels * labels);
    for (let start = 0; start < items.length; start += 25) {
      const images = await Promise.all(items.slice(start, start + 25).map((item) => readDatasetImage(folder, item)));
      const predicted = await segment(images);
      images.forEach((image, index) => {
        const expected = truth(image);
        expected.forEach((label, pixel) => {
          const cell = label * labels + predicted[index]![pixel]!;
          confusion[cell] = confusion[cell]! + 1;
        });
      });
    }
    let correct = 0;
    let iouSum = 0;
    for (let label = 0; label < labels; label += 1) {
      const hits = confusion[label * labels + label]!;
      let truthTotal = 0;
      let predictedTotal = 0;
      for (let other = 0; other < labels; other += 1) {
        truthTotal += confusion[label * labels + other]!;
        predictedTotal += confusion[other * labels + label]!;
      }
      correct += hits;
      iouSum += hits / (truthTotal + predictedTotal - hits);
    }
    const accuracy = correct / (items.length * height * width);
    const meanIou = iouSum / labels;
    expect(items.length).toBe(metadata.training.testImages);
    expect(accuracy).toBeGreaterThanOrEqual(PIXEL_ACCURACY_FLOOR);
    expect(meanIou).toBeGreaterThanOrEqual(MEAN_IOU_FLOOR);
    expect(Math.abs(accuracy - metadata.training.testPixelAccuracy)).toBeLessThan(0.005);
    expect(Math.abs(meanIou - metadata.training.testMeanIou)).toBeLessThan(0.005);
  }, HANG_GUARD_MS);

  it('stays small: the ONNX file is under 1 MB', async () => {
    expect((await stat(modelPath)).size).toBeLessThan(1024 * 1024);
  });
});
