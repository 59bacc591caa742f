import { createPolycamContainer, preprocessImage, resolveLayers, TOKENS, type Map2D } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { TfjsBackend } from '@polycam/backend-tfjs';
import { polycamModule } from '@polycam/method-polycam';
import { pearsonCorrelation } from '@polycam/metrics';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetImages, type DatasetImage } from '@polycam/benchmark';

// The bundled demo model's TF.js copy (`npm run export:demo-tfjs`) must explain like the ONNX
// original: same layers, same logits, same PCAM± maps.
describe('the bundled demo model on TF.js and on ONNX Runtime', () => {
  const { modelPath, tfjsModelPath, imagesFolder, metadata } = bundledDemoModel();
  let onnx: OnnxBackend;
  let tfjs: TfjsBackend;
  let images: DatasetImage[];

  beforeAll(async () => {
    onnx = await OnnxBackend.load({ path: modelPath });
    tfjs = await TfjsBackend.load({ path: tfjsModelPath }, { platform: 'wasm' });
    images = await loadDatasetImages(imagesFolder);
  });
  afterAll(async () => {
    await onnx.dispose();
    await tfjs.dispose();
  });

  const input = (image: DatasetImage) => {
    const [, height, width] = metadata.inputShape;
    const tensor = preprocessImage(image.pixels, { height, width, mean: metadata.mean, std: metadata.std });
    return { shape: [1, ...tensor.shape], data: tensor.data };
  };

  it('discovers the same five layers, with the same shapes, under their TF.js names', () => {
    const layers = resolveLayers(tfjs.description, 'auto');
    expect(layers).toEqual(metadata.tfjs.recommendedLayers);
    const shapes = (backend: OnnxBackend | TfjsBackend, names: readonly string[]) =>
      names.map((name) => backend.description.layers.find((layer) => layer.name === name)!.shape.join('×'));
    expect(shapes(tfjs, layers)).toEqual(shapes(onnx, metadata.recommendedLayers));
  });

  it('gives logits within 1e-4 of ONNX Runtime on every demo image', async () => {
    expect(images.length).toBeGreaterThanOrEqual(11);
    let worst = 0;
    for (const image of images) {
      const [a, b] = [await onnx.run({ input: input(image) }), await tfjs.run({ input: input(image) })];
      a.output.data.forEach((value, index) => (worst = Math.max(worst, Math.abs(value - b.output.data[index]!))));
    }
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it('gives PCAM± maps that correlate at 0.999 or more with ONNX Runtime', async () => {
    const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    for (const image of images.slice(0, 3)) {
      const maps: Map2D[] = [];
      for (const [backend, layers] of [[onnx, metadata.recommendedLayers], [tfjs, metadata.tfjs.recommendedLayers]] as const) {
        maps.push((await explainer.explain({ backend, input: input(image), method: 'pcam±', layers })).map);
      }
      expect(pearsonCorrelation(maps[0]!.data, maps[1]!.data), image.name).toBeGreaterThanOrEqual(0.999);
    }
  }, 120_000);
});
