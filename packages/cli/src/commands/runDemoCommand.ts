import { join } from 'node:path';
import { preprocessImage, type ExplainResult, type ExplainRequest } from '@polycam/core';
import { energyInMask } from '@polycam/metrics';
import { bundledDemoModel, bundledSegmentationModel } from '@polycam/synthetic';
import sharp from 'sharp';
import type { CliIo } from '../CliIo.js';
import type { DemoCommandOptions } from './DemoCommandOptions.js';
import type { DemoRow } from '../demo/DemoRow.js';
import type { DemoSegmentationRow } from '../demo/DemoSegmentationRow.js';
import { explainDemoSegmentation } from '../demo/explainDemoSegmentation.js';
import { loadDatasetImages } from '@polycam/benchmark';
import { renderDemoHtml } from '../demo/renderDemoHtml.js';
import { renderStageStrip } from '../demo/renderStageStrip.js';
import { renderOverlay } from '../image/renderOverlay.js';
import { upscalePixels } from '../image/upscalePixels.js';
import { bundledModelLayers } from '../model/bundledModelLayers.js';
import { formatTable } from '../output/formatTable.js';
import type { OutputFile } from '../output/OutputFile.js';
import { writeFilesTogether } from '../output/writeFilesTogether.js';
import { runWithModel } from './runWithModel.js';

const METHODS = [
  { id: 'pcam±', file: 'pcampm' },
  { id: 'pcam+', file: 'pcamp' },
  { id: 'pcam-', file: 'pcamm' },
] as const;
const DISPLAY_SCALE = 3;

/**
 * `polycam demo` (`npm run demo`): explains the bundled demo images with PCAM±, PCAM+ and PCAM−
 * on the bundled model, and writes to `--out` an overlay per image and method, a strip of each
 * image's fusion stages from deep to shallow, one map per class for the two-object images, and
 * an `index.html` report of it all. It prints a table of the predicted classes, scores,
 * milliseconds per map and the share of each map's energy inside the true object. Then the
 * bundled segmentation network labels each image's pixels, and each object's class is explained
 * over the pixels it predicts as that class (the `segmentation` target): the report adds the
 * predicted labels and those maps, and a second table gives each map's energy in the object
 * next to the classifier's for the same class.
 *
 * @param options - The output folder and the bundled model's options (`--backend`, `--threads`, ...).
 * @param io - Streams and the cancellation signal.
 * @returns When the report is written.
 */
export async function runDemoCommand(options: DemoCommandOptions, io: CliIo): Promise<void> {
  const { imagesFolder, metadata } = bundledDemoModel();
  const rows: DemoRow[] = [];
  let segmentation: DemoSegmentationRow[] = [];
  await runWithModel(options, io, {
    prepare: () => loadDatasetImages(imagesFolder),
    run: async ({ container, explainer, model: { backend }, choice, progress }, images) => {
      const layers = bundledModelLayers(metadata, backend);
      const maps = images.reduce((sum, image) => sum + METHODS.length + (image.objects.length > 1 ? image.objects.length : 0), 0);
      let done = 0;
      const files: OutputFile[] = [];
      // One untimed explanation first: onnxruntime builds its sessions lazily, and the first map
      // would otherwise carry that one-off cost in its milliseconds.
      const warmUpImage = images[0];
      if (warmUpImage !== undefined) {
        const [, height, width] = metadata.inputShape;
        const input = preprocessImage(warmUpImage.pixels, { height, width, mean: metadata.mean, std: metadata.std });
        await explainer.explain({ backend, input, layers, ...(io.signal ? { signal: io.signal } : {}) });
      }
      progress.start('demo', maps);
      const explain = async (request: Omit<ExplainRequest, 'backend' | 'layers' | 'input'>, input: ExplainRequest['input']): Promise<ExplainResult> => {
        const result = await explainer.explain({ backend, input, layers, ...request, ...(io.signal ? { signal: io.signal } : {}) });
        progress.update((done += 1));
        return result;
      };
      for (const image of images) {
        const stem = image.name.replace(/\.png$/, '');
        const input = preprocessImage(image.pixels, { height: metadata.inputShape[1], width: metadata.inputShape[2], mean: metadata.mean, std: metadata.std });
        const display = await upscalePixels(image.pixels, DISPLAY_SCALE);
        files.push({ path: join(options.out, image.name), bytes: await sharp(Buffer.from(display.data), { raw: { width: display.width, height: display.height, channels: 3 } }).png().toBuffer() });
        const methods = [];
        let first: ExplainResult | undefined;
        for (const method of METHODS) {
          const result = await explain({ method: method.id }, input);
          first ??= result;
          const object = image.objects.find((candidate) => candidate.label === result.classIndex);
          const overlay = `${stem}-${method.file}.png`;
          files.push({ path: join(options.out, overlay), bytes: await renderOverlay(display, result.map) });
          methods.push({ method: method.id, overlay, ms: result.durationMs, energy: object ? energyInMask(result.map, object.mask) : undefined });
        }
        const strip = `${stem}-stages.png`;
        files.push({ path: join(options.out, strip), bytes: await renderStageStrip(display, first!.stages) });
        const perClass = [];
        if (image.objects.length > 1) {
          for (const object of image.objects) {
            const result = await explain({ method: 'pcam±', classIndex: object.label }, input);
            const other = image.objects.find((candidate) => candidate !== object)!;
            const overlay = `${stem}-class-${object.className}.png`;
            files.push({ path: join(options.out, overlay), bytes: await renderOverlay(display, result.map) });
            perClass.push({ className: object.className, overlay, own: energyInMask(result.map, object.mask), other: energyInMask(result.map, other.mask) });
          }
        }
        rows.push({
          image: image.name,
          truth: image.objects.map((object) => object.className),
          predicted: metadata.classes[first!.classIndex!] ?? String(first!.classIndex),
          score: first!.score,
          methods,
          strip,
          stageLayers: first!.stages.map((stage) => stage.layer),
          perClass,
        });
      }
      progress.stop();
      const segmented = await explainDemoSegmentation(
        { container, explainer, backendId: backend.id, progress, ...(choice.threads === undefined ? {} : { threads: choice.threads }), ...(io.signal ? { signal: io.signal } : {}) },
        images,
        options.out,
        DISPLAY_SCALE,
      );
      segmentation = segmented.rows;
      files.push(...segmented.files);
      const html = renderDemoHtml(rows, { model: metadata.name, layers }, { model: bundledSegmentationModel().metadata.name, rows: segmentation });
      files.push({ path: join(options.out, 'index.html'), bytes: html });
      await writeFilesTogether(files);
    },
  });
  const percent = (value: number | undefined): string => (value === undefined ? '-' : `${(value * 100).toFixed(1)}%`);
  io.stdout.write(
    formatTable(
      ['image', 'truth', 'predicted', 'score', 'ms/map (pcam±)', 'energy in object: pcam±', 'pcam+', 'pcam-'],
      rows.map((row) => [
        row.image,
        row.truth.join('+'),
        row.predicted,
        row.score.toFixed(3),
        String(Math.round(row.methods[0]!.ms)),
        ...row.methods.map((method) => percent(method.energy)),
      ]),
    ),
  );
  io.stdout.write('\nsegmentation network: PCAM± of each object\'s class over its predicted region\n');
  io.stdout.write(
    formatTable(
      ['image', 'object', 'region IoU', 'energy in object: segmentation', 'classifier (pcam±, that class)'],
      segmentation.flatMap((row) => {
        const classified = rows.find((candidate) => candidate.image === row.image)!;
        return row.objects.map((object) => {
          const classifier = classified.perClass.length > 0
            ? classified.perClass.find((entry) => entry.className === object.className)?.own
            : classified.predicted === object.className ? classified.methods[0]!.energy : undefined;
          return [row.image, object.className, object.regionIou.toFixed(2), percent(object.energy), percent(classifier)];
        });
      }),
    ),
  );
  io.stdout.write(`\nreport: ${join(options.out, 'index.html')}\n`);
}
