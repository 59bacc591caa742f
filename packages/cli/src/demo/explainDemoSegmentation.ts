import { join } from 'node:path';
import { loadModel, preprocessImage, type Explainer } from '@polycam/core';
import type { DatasetImage } from '@polycam/benchmark';
import { energyInMask } from '@polycam/metrics';
import { bundledSegmentationModel } from '@polycam/synthetic';
import type { Container } from 'inversify';
import { upscalePixels } from '../image/upscalePixels.js';
import { renderOverlay } from '../image/renderOverlay.js';
import type { OutputFile } from '../output/OutputFile.js';
import type { ProgressReporter } from '../progress/ProgressReporter.js';
import type { DemoSegmentationRow } from './DemoSegmentationRow.js';
import { renderLabelMap } from './renderLabelMap.js';

/** The predicted label of each pixel: the channel of the highest logit in a `[labels, H, W]` output. */
function predictedLabels(output: Float32Array, labels: number, pixels: number): Uint8Array {
  const predicted = new Uint8Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    let best = 0;
    for (let label = 1; label < labels; label += 1) {
      if (output[label * pixels + pixel]! > output[best * pixels + pixel]!) best = label;
    }
    predicted[pixel] = best;
  }
  return predicted;
}

function regionIou(predicted: Uint8Array, label: number, mask: Uint8Array): number {
  let both = 0;
  let either = 0;
  predicted.forEach((value, pixel) => {
    const inRegion = value === label;
    both += inRegion && mask[pixel] ? 1 : 0;
    either += inRegion || mask[pixel] ? 1 : 0;
  });
  return either === 0 ? 0 : both / either;
}

/**
 * The demo's segmentation part: loads the bundled segmentation network (on the demo's backend,
 * or ONNX Runtime when the demo runs the classifier's TF.js copy), and for each demo image
 * draws its predicted labels and explains, with PCAM±, each object's class over the pixels
 * predicted as that class (the `segmentation` target), measuring the share of each map's
 * energy inside the true object; a class predicted nowhere on its image gets no map. The
 * network is disposed before it returns.
 *
 * @param session - The demo's container and explainer, the classifier's backend id, the thread
 *   count, the progress bar and the cancellation signal.
 * @param images - The demo images, with their objects' masks.
 * @param out - The demo's output folder.
 * @param scale - The display scale of the demo's images.
 * @returns The rows for the report and the files to write with the rest of the demo.
 * @throws {@link PolycamError} whatever loading or explaining throws, `aborted` when the signal fires.
 */
export async function explainDemoSegmentation(
  session: {
    readonly container: Container;
    readonly explainer: Explainer;
    readonly backendId: string;
    readonly threads?: number;
    readonly progress: ProgressReporter;
    readonly signal?: AbortSignal;
  },
  images: readonly DatasetImage[],
  out: string,
  scale: number,
): Promise<{ rows: DemoSegmentationRow[]; files: OutputFile[] }> {
  const { modelPath, metadata } = bundledSegmentationModel();
  const [labels, height, width] = metadata.outputShape;
  const backend = await loadModel(session.container, { path: modelPath }, {
    ...(session.backendId === 'tfjs' ? {} : { backend: session.backendId }),
    ...(session.threads === undefined ? {} : { threads: session.threads }),
  });
  const signal = session.signal ? { signal: session.signal } : {};
  const rows: DemoSegmentationRow[] = [];
  const files: OutputFile[] = [];
  try {
    const layers = metadata.recommendedLayers;
    session.progress.start('segmentation', images.reduce((sum, image) => sum + image.objects.length, 0));
    let done = 0;
    for (const image of images) {
      const stem = image.name.replace(/\.png$/, '');
      const input = preprocessImage(image.pixels, { height, width, mean: metadata.mean, std: metadata.std });
      const { output } = await backend.run({ input: { shape: [1, ...input.shape], data: input.data } }, session.signal);
      const predicted = predictedLabels(output.data, labels, height * width);
      const display = await upscalePixels(image.pixels, scale);
      const labelMap = `${stem}-segmentation.png`;
      files.push({ path: join(out, labelMap), bytes: await renderLabelMap(display, predicted, { height, width }, labels - 1) });
      const objects = [];
      for (const object of image.objects) {
        const label = object.label + 1;
        const iou = regionIou(predicted, label, object.mask);
        if (!predicted.includes(label)) {
          // The segmentation target needs a region: with no pixel predicted as the class there is nothing to explain.
          objects.push({ className: object.className, overlay: undefined, energy: undefined, regionIou: iou });
          session.progress.update((done += 1));
          continue;
        }
        const result = await session.explainer.explain({
          backend,
          input,
          layers,
          method: 'pcam±',
          target: { kind: 'segmentation', options: { classIndex: label } },
          ...signal,
        });
        session.progress.update((done += 1));
        const overlay = `${stem}-segmentation-${object.className}.png`;
        files.push({ path: join(out, overlay), bytes: await renderOverlay(display, result.map) });
        objects.push({ className: object.className, overlay, energy: energyInMask(result.map, object.mask), regionIou: iou });
      }
      rows.push({ image: image.name, labelMap, objects });
    }
    session.progress.stop();
  } finally {
    await backend.dispose();
  }
  return { rows, files };
}
