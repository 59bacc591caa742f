import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { benchmarkSplits } from '@polycam/benchmark';
import { resolveLayers } from '@polycam/core';
import { bundledDemoModel, generateDataset, type DemoModelMetadata } from '@polycam/synthetic';
import { TfjsBackend } from '@polycam/backend-tfjs';
import { workspaceRoot } from '../workspaceRoot.js';
import { onnxAutoLayers } from './onnxAutoLayers.js';
import { runTrainingScript } from './runTrainingScript.js';
import { exportDemoModelToTfjs } from './exportDemoModelToTfjs.js';

async function tfjsRecommendedLayers(onnxPath: string, folder: string): Promise<string[]> {
  const backend = await TfjsBackend.load({ path: await exportDemoModelToTfjs(onnxPath, folder) });
  try {
    return resolveLayers(backend.description, 'auto');
  } finally {
    await backend.dispose();
  }
}

/**
 * `npm run train:demo-model`: regenerates the synthetic benchmark into `data/benchmark/`, trains
 * the demo CNN on it with Debian's PyTorch (`/usr/bin/python3`, a development-only tool), exports
 * it to `packages/synthetic/model/demo-cnn.onnx` (and a TF.js copy in `model/tfjs/`), writes its metadata (with the layers that
 * `--layers auto` discovers and the held-out accuracy), and writes the bundled demo images
 * (`packages/synthetic/demo-images/`, drawn from their own seed, never trained on). The model's
 * folder is `@polycam/synthetic`'s (see `bundledDemoModel`); `data/` is in the workspace root.
 *
 * @returns When the model, its metadata and the demo images are written.
 * @throws Error when the training script fails.
 */
export async function trainDemoModel(): Promise<void> {
  const data = join(workspaceRoot(), 'data', 'benchmark');
  const { modelPath, imagesFolder } = bundledDemoModel();
  const modelFolder = dirname(modelPath);
  await mkdir(modelFolder, { recursive: true });

  const started = Date.now();
  process.stderr.write(`generating the benchmark into ${data} ...\n`);
  await generateDataset({
    folder: data,
    seed: benchmarkSplits.seed,
    size: benchmarkSplits.size,
    splits: benchmarkSplits.splits,
    onImage: (done, total) => {
      if (done % 500 === 0 || done === total) process.stderr.write(`  ${done}/${total} images\n`);
    },
  });

  const onnxPath = join(modelFolder, 'demo-cnn.onnx');
  const reportPath = join(data, 'training-report.json');
  const report = await runTrainingScript(join(modelFolder, '..', 'training', 'train_demo_model.py'), data, onnxPath, reportPath);
  const recommendedLayers = await onnxAutoLayers(onnxPath);
  const manifest = JSON.parse(await readFile(join(data, 'manifest.json'), 'utf8')) as { classes: string[] };
  const metadata: DemoModelMetadata = {
    name: 'polycam demo CNN (synthetic shapes benchmark)',
    file: 'demo-cnn.onnx',
    inputShape: [3, benchmarkSplits.size, benchmarkSplits.size],
    mean: report.mean,
    std: report.std,
    classes: manifest.classes,
    recommendedLayers,
    tfjs: { file: 'tfjs/model.json', recommendedLayers: await tfjsRecommendedLayers(onnxPath, join(modelFolder, 'tfjs')) },
    training: {
      command: 'npm run train:demo-model',
      datasetSeed: benchmarkSplits.seed,
      trainImages: report.trainImages!,
      testImages: report.testImages!,
      testAccuracy: report.testAccuracy!,
      validationAccuracy: report.validationAccuracy!,
      epochs: report.epochs!,
      trainingSeconds: report.trainingSeconds!,
    },
  };
  await writeFile(join(modelFolder, 'demo-cnn.json'), `${JSON.stringify(metadata, null, 2)}\n`);

  await generateDataset({
    folder: imagesFolder,
    seed: benchmarkSplits.seed + 1,
    size: benchmarkSplits.size,
    splits: { train: { single: 0, pair: 0 }, validation: { single: 0, pair: 0 }, test: { single: 8, pair: 3 } },
  });
  process.stderr.write(
    `done in ${Math.round((Date.now() - started) / 1000)} s: test accuracy ${(report.testAccuracy! * 100).toFixed(2)}% ` +
      `on ${report.testImages} held-out images; layers ${recommendedLayers.join(', ')}\n`,
  );
}

