import { onnxBackendModule } from '@polycam/backend-onnx';
import { formatTable } from '@polycam/cli';
import { createPolycamContainer, loadModel, TOKENS } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import type { BudgetSample } from './BudgetSample.js';
import { measurePassBudget } from './measurePassBudget.js';

function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * `npm run budget`: PCAM± with `maxPasses` at 1/2, 1/4, 1/8 and 1/16 of each image's exact count,
 * against the exact map, on the synthetic benchmark's one-object images with the bundled model
 * on ONNX Runtime; prints one row per rule and budget. Options: `--split validation|test`
 * (default `validation`, where rules are chosen; `test` reports), `--images N` (default 100),
 * `--rules a,b` (default `groups,top-variance`), `--fractions 0.5,0.25` and `--no-faithfulness`
 * to skip insertion and deletion.
 *
 * @param argv - The options.
 * @returns When the table is printed.
 */
export async function printPassBudget(argv: readonly string[]): Promise<void> {
  const split = option(argv, '--split', 'validation') as 'validation' | 'test';
  const images = Number(option(argv, '--images', '100'));
  const rules = option(argv, '--rules', 'groups,top-variance').split(',');
  const fractions = option(argv, '--fractions', '0.5,0.25,0.125,0.0625').split(',').map(Number);
  const faithfulness = !argv.includes('--no-faithfulness');
  const { modelPath, metadata } = bundledDemoModel();
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const backend = await loadModel(container, { path: modelPath }, { backend: 'onnx' });
  let samples: BudgetSample[];
  try {
    const explainer = container.get(TOKENS.Explainer);
    await explainer.explain({ backend, input: { shape: metadata.inputShape, data: new Float32Array(metadata.inputShape.reduce((a, b) => a * b)) } }); // warm-up
    samples = await measurePassBudget({
      explainer,
      backend,
      model: metadata,
      split,
      images,
      rules,
      fractions,
      faithfulness,
      onImage: (done) => {
        if (done % 10 === 0) process.stderr.write(`  ${done} images...\n`);
      },
    });
  } finally {
    await backend.dispose();
  }
  const exactMs = mean(samples.map((sample) => sample.exactMs));
  const exactPasses = mean(samples.map((sample) => sample.exactPasses));
  const rows = fractions.flatMap((fraction) =>
    rules.map((rule) => {
      const group = samples.filter((sample) => sample.rule === rule && sample.fraction === fraction);
      const pearson = group.map((sample) => sample.pearson);
      const ms = mean(group.map((sample) => sample.ms));
      return [
        `1/${Math.round(1 / fraction)}`,
        rule,
        mean(group.map((sample) => sample.passes)).toFixed(0),
        median(pearson).toFixed(3),
        Math.min(...pearson).toFixed(3),
        faithfulness ? mean(group.map((sample) => sample.insDelChange)).toFixed(4) : '—',
        `${(100 * mean(group.map((sample) => sample.pointingChange))).toFixed(1)} pt`,
        mean(group.map((sample) => sample.energyChange)).toFixed(4),
        ms.toFixed(0),
        `${(exactMs / ms).toFixed(2)}×`,
      ];
    }),
  );
  process.stdout.write(
    `${images} one-object ${split} images, bundled model (${metadata.inputShape.join('×')}), exact PCAM±: ${exactPasses.toFixed(0)} masked passes, ${exactMs.toFixed(0)} ms per map\n\n`,
  );
  process.stdout.write(
    formatTable(
      ['budget', 'rule', 'passes', 'Pearson median', 'Pearson worst', 'Δ(ins−del)', 'Δ pointing', 'Δ energy', 'ms/map', 'speed-up'],
      rows,
    ),
  );
}
