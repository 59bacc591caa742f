import { createPolycamContainer, preprocessImage, TOKENS } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { TfjsBackend, type TfjsPlatform } from '@polycam/backend-tfjs';
import { bundledDemoModel } from '@polycam/synthetic';
import { buildResNetLikeModel, buildVggLikeModel } from '@polycam/backend-onnx/builders';
import { polycamModule } from '@polycam/method-polycam';
import { loadDatasetImages } from '@polycam/benchmark';
import { formatTable } from '@polycam/cli';
import { benchModel } from './benchModel.js';
import { benchRuntimes, type BenchRuntime } from './benchRuntimes.js';

/** PCAM± on the bundled demo model, on ONNX Runtime and on TF.js, side by side. */
async function runtimeRows(explainer: Parameters<typeof benchRuntimes>[0], repetitions: number, platforms: readonly TfjsPlatform[]): Promise<string[][]> {
  const { modelPath, tfjsModelPath, imagesFolder, metadata } = bundledDemoModel();
  const [image] = await loadDatasetImages(imagesFolder);
  const [, height, width] = metadata.inputShape;
  const pixels = preprocessImage(image!.pixels, { height, width, mean: metadata.mean, std: metadata.std });
  const input = { shape: [1, ...pixels.shape], data: pixels.data };
  const runtimes: BenchRuntime[] = [{ runtime: 'onnx', backend: await OnnxBackend.load({ path: modelPath }), layers: metadata.recommendedLayers }];
  try {
    for (const platform of platforms) {
      const backend = await TfjsBackend.load({ path: tfjsModelPath }, { platform });
      runtimes.push({ runtime: `tfjs on ${backend.platform}`, backend, layers: metadata.tfjs.recommendedLayers });
    }
    process.stderr.write(`benchmarking the demo model on ${runtimes.map((runtime) => runtime.runtime).join(', ')}...\n`);
    const results = await benchRuntimes(explainer, runtimes, input, repetitions);
    return results.map((result) => [result.runtime, `${width}×${height}`, result.msPerMap.toFixed(0), result.ratio.toFixed(2)]);
  } finally {
    for (const runtime of runtimes) await runtime.backend.dispose();
  }
}

/**
 * `npm run bench`: builds a VGG-like and a ResNet-like ONNX model (random weights, 224×224) and
 * prints, per model, the milliseconds per PCAM± map, the masked passes per second, and the
 * ratio of Poly-CAM's time to the same number of raw batched forward passes measured side by
 * side in the same session; then the milliseconds per PCAM± map of the bundled demo model on
 * ONNX Runtime and on TF.js (WASM; add `--tfjs-cpu` for the pure-JavaScript backend), with each
 * runtime's ratio to ONNX Runtime measured side by side. Options: `--repetitions N` (default 3),
 * `--size N` (default 224), `--threads N`, `--tfjs-cpu`.
 *
 * @param argv - The options.
 * @returns When the tables are printed.
 */
export async function runBench(argv: readonly string[]): Promise<void> {
  const option = (name: string, fallback: number): number => {
    const index = argv.indexOf(name);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  const repetitions = option('--repetitions', 3);
  const size = option('--size', 224);
  const threads = argv.includes('--threads') ? option('--threads', 1) : undefined;
  const batchSize = 32;
  const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
  const models = [
    { name: 'vgg-like', bytes: buildVggLikeModel({ size, seed: 1 }) },
    { name: 'resnet-like', bytes: buildResNetLikeModel({ size, seed: 2 }) },
  ];
  const rows: string[][] = [];
  for (const model of models) {
    const backend = await OnnxBackend.load({ bytes: model.bytes, name: model.name }, threads ? { threads } : {});
    try {
      process.stderr.write(`benchmarking ${model.name} (${repetitions} repetitions)...\n`);
      const result = await benchModel(explainer, backend, repetitions, batchSize);
      const masked = result.passesRun - 1;
      rows.push([
        model.name,
        `${size}×${size}`,
        `${result.passesRun}/${result.passesSaved}`,
        result.msPerMap.toFixed(0),
        ((masked / result.msPerMap) * 1000).toFixed(1),
        result.msRaw.toFixed(0),
        result.ratio.toFixed(3),
      ]);
    } finally {
      await backend.dispose();
    }
  }
  process.stdout.write(
    formatTable(['model', 'input', 'passes run/saved', 'ms per PCAM± map', 'masked passes/s', 'ms raw passes', 'ratio'], rows),
  );
  const platforms: TfjsPlatform[] = argv.includes('--tfjs-cpu') ? ['wasm', 'cpu'] : ['wasm'];
  const runtimes = await runtimeRows(explainer, repetitions, platforms);
  process.stdout.write(`\n${formatTable(['runtime (demo model)', 'input', 'ms per PCAM± map', 'ratio to onnx'], runtimes)}`);
}

