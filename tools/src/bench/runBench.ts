import { createPolycamContainer, preprocessImage, TOKENS } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { TfjsBackend, type TfjsPlatform } from '@polycam/backend-tfjs';
import { bundledDemoModel } from '@polycam/synthetic';
import { buildResNet50LikeModel, buildResNetLikeModel, buildVggLikeModel } from '@polycam/backend-onnx/builders';
import { polycamModule } from '@polycam/method-polycam';
import { loadDatasetImages } from '@polycam/benchmark';
import { formatTable } from '@polycam/cli';
import { batchSizeRows } from './batchSizeRows.js';
import { benchModel } from './benchModel.js';
import { benchRuntimes, type BenchRuntime } from './benchRuntimes.js';
import { memoryRows } from './memoryRows.js';

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
 * runtime's ratio to ONNX Runtime measured side by side. Then, per bench model, the
 * milliseconds per PCAM± map at batch sizes 16, 32, 64 and 128, side by side, with each one's
 * ratio to 32 (the default); and the peak resident memory of one PCAM± map on each bench model
 * and on a ResNet-50-like model with a 2 048-channel layer, each in a fresh process, next to the
 * activations' size and the peak of a process that had only loaded the model. Options:
 * `--repetitions N` (default 3), `--size N` (default 224), `--threads N`, `--tfjs-cpu`, `--quick`
 * (a smoke run: 64×64 models and one repetition, unless `--size` or `--repetitions` say otherwise),
 * `--resnet18` (adds a ResNet-18-sized model, widths 64 to 512 and two blocks per stage, about
 * 2 000 passes a map, to the first table only: a minute or more per repetition on two cores).
 *
 * @param argv - The options.
 * @returns When the tables are printed.
 */
export async function runBench(argv: readonly string[]): Promise<void> {
  const option = (name: string, fallback: number): number => {
    const index = argv.indexOf(name);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  const quick = argv.includes('--quick');
  const repetitions = option('--repetitions', quick ? 1 : 3);
  const size = option('--size', quick ? 64 : 224);
  const threads = argv.includes('--threads') ? option('--threads', 1) : undefined;
  const batchSize = 32;
  const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
  const models = [
    { name: 'vgg-like', bytes: buildVggLikeModel({ size, seed: 1 }) },
    { name: 'resnet-like', bytes: buildResNetLikeModel({ size, seed: 2 }) },
  ];
  // ResNet-18's widths and depth (random weights): the pipeline's overhead at a real model's cost per pass.
  const resnet18 = argv.includes('--resnet18')
    ? [{ name: 'resnet18-like', bytes: buildResNetLikeModel({ size, widths: [64, 128, 256, 512], blocksPerStage: 2, seed: 4 }) }]
    : [];
  const rows: string[][] = [];
  const sweep: string[][] = [];
  for (const model of [...models, ...resnet18]) {
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
      if (resnet18.includes(model)) continue;
      process.stderr.write(`benchmarking ${model.name} at batch sizes 16 to 128...\n`);
      sweep.push(...(await batchSizeRows(explainer, backend, model.name, repetitions)));
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
  process.stdout.write(`\n${formatTable(['model', 'batch size', 'ms per PCAM± map', 'ratio to 32'], sweep)}`);
  // Bottleneck blocks writing 64, 128, 256 and 2 048 channels; narrow elsewhere, to stay quick.
  const wide = buildResNet50LikeModel({ size, stemWidth: 16, widths: [16, 32, 64, 512], blocksPerStage: [1, 1, 1, 1], seed: 3 });
  const memory = await memoryRows([...models, { name: 'resnet50-like', bytes: wide }]);
  const memoryHeader = ['model', 'layers/channels', 'passes', 'activations MiB', 'loaded RSS MiB', 'peak RSS MiB', 'peak − loaded MiB'];
  process.stdout.write(`\n${formatTable(memoryHeader, memory)}`);
}

