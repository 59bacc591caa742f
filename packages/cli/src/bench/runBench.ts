import { createPolycamContainer, TOKENS } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { buildResNetLikeModel, buildVggLikeModel } from '@polycam/backend-onnx/testing';
import { polycamModule } from '@polycam/method-polycam';
import { formatTable } from '../output/formatTable.js';
import { benchModel } from './benchModel.js';

/**
 * `npm run bench`: builds a VGG-like and a ResNet-like ONNX model (random weights, 224×224) and
 * prints, per model, the milliseconds per PCAM± map, the masked passes per second, and the
 * ratio of Poly-CAM's time to the same number of raw batched forward passes measured side by
 * side in the same session. Options: `--repetitions N` (default 3), `--size N` (default 224),
 * `--threads N`.
 */
async function runBench(argv: readonly string[]): Promise<void> {
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
}

await runBench(process.argv.slice(2));
