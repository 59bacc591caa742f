import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { benchmarkSplits } from '@polycam/benchmark';
import { bundledDemoModel, generateDataset, type DatasetOptions, type DemoSegmentationModelMetadata } from '@polycam/synthetic';
import { workspaceRoot } from '../workspaceRoot.js';
import { onnxAutoLayers } from './onnxAutoLayers.js';
import { runTrainingScript } from './runTrainingScript.js';

/**
 * The segmentation network's training data: the benchmark's seed and test split, and its own
 * training split with two-object images (the benchmark's has none). Each image's scene comes
 * from the seed and its place, so these are the benchmark's first training and validation
 * images of each kind, and the test split is the benchmark's, never trained on.
 */
const segmentationSplits: DatasetOptions['splits'] = {
  train: { single: 2000, pair: 2000 },
  validation: { single: 200, pair: 100 },
  test: benchmarkSplits.splits.test,
};

/**
 * `npm run train:demo-seg-model`: generates the segmentation network's training data into
 * `data/benchmark-seg/` (the benchmark's seed and test split, with two-object training images),
 * trains the demo segmentation network on it with Debian's PyTorch (`/usr/bin/python3`, a
 * development-only tool), exports it to `packages/synthetic/model/demo-seg.onnx`, and writes its
 * metadata `demo-seg.json` (with the layers that `--layers auto` discovers and the held-out pixel
 * accuracy and mean IoU). Label 0 is the background and label `1 + k` the classifier's class `k`.
 *
 * @returns When the model and its metadata are written.
 * @throws Error when the training script fails.
 */
export async function trainDemoSegmentationModel(): Promise<void> {
  const data = join(workspaceRoot(), 'data', 'benchmark-seg');
  const modelFolder = dirname(bundledDemoModel().modelPath);

  const started = Date.now();
  process.stderr.write(`generating the training data into ${data} ...\n`);
  await rm(data, { recursive: true, force: true });
  const manifest = await generateDataset({
    folder: data,
    seed: benchmarkSplits.seed,
    size: benchmarkSplits.size,
    splits: segmentationSplits,
    onImage: (done, total) => {
      if (done % 500 === 0 || done === total) process.stderr.write(`  ${done}/${total} images\n`);
    },
  });

  const onnxPath = join(modelFolder, 'demo-seg.onnx');
  const reportPath = join(data, 'training-report.json');
  const report = await runTrainingScript(join(modelFolder, '..', 'training', 'train_demo_segmentation_model.py'), data, onnxPath, reportPath);
  const recommendedLayers = await onnxAutoLayers(onnxPath);
  const labels = ['background', ...manifest.classes];
  const metadata: DemoSegmentationModelMetadata = {
    name: 'polycam demo segmentation network (synthetic shapes benchmark)',
    file: 'demo-seg.onnx',
    inputShape: [3, benchmarkSplits.size, benchmarkSplits.size],
    outputShape: [labels.length, benchmarkSplits.size, benchmarkSplits.size],
    mean: report.mean,
    std: report.std,
    classes: labels,
    recommendedLayers,
    training: {
      command: 'npm run train:demo-seg-model',
      datasetSeed: benchmarkSplits.seed,
      trainSingles: segmentationSplits.train.single,
      trainPairs: segmentationSplits.train.pair,
      testImages: report.testImages!,
      testPixelAccuracy: report.testPixelAccuracy!,
      testMeanIou: report.testMeanIou!,
      validationMeanIou: report.validationMeanIou!,
      epochs: report.epochs!,
      trainingSeconds: report.trainingSeconds!,
    },
  };
  await writeFile(join(modelFolder, 'demo-seg.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  process.stderr.write(
    `done in ${Math.round((Date.now() - started) / 1000)} s: test pixel accuracy ${(report.testPixelAccuracy! * 100).toFixed(2)}%, ` +
      `mean IoU ${(report.testMeanIou! * 100).toFixed(2)}% on ${report.testImages} held-out images; layers ${recommendedLayers.join(', ')}\n`,
  );
}
