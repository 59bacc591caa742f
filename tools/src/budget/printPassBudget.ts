import { onnxBackendModule } from '@polycam/backend-onnx';
import { createPolycamContainer, loadModel, TOKENS } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import type { BudgetSample } from './BudgetSample.js';
import { budgetTable } from './budgetTable.js';
import { measurePassBudget } from './measurePassBudget.js';

function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
}

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
      onImage: (done, sofar) => {
        if (done % 10 === 0) process.stderr.write(`after ${done} images:\n${budgetTable(sofar, rules, fractions, faithfulness)}\n`);
      },
    });
  } finally {
    await backend.dispose();
  }
  const exactMs = samples.reduce((sum, sample) => sum + sample.exactMs, 0) / samples.length;
  const exactPasses = samples.reduce((sum, sample) => sum + sample.exactPasses, 0) / samples.length;
  process.stdout.write(
    `${images} one-object ${split} images, bundled model (${metadata.inputShape.join('×')}), exact PCAM±: ${exactPasses.toFixed(0)} masked passes, ${exactMs.toFixed(0)} ms per map\n\n`,
  );
  process.stdout.write(budgetTable(samples, rules, fractions, faithfulness));
}
