import { join } from 'node:path';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { openBenchmarkImages, runLocalisation } from '@polycam/benchmark';
import { formatTable } from '@polycam/cli';
import { createPolycamContainer, loadModel, TOKENS } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import { workspaceRoot } from '../workspaceRoot.js';

/**
 * `npm run localisation`: runs the localisation protocol (`runLocalisation` of
 * `@polycam/benchmark`) on the held-out test split of the synthetic benchmark (400 one-object
 * images, 200 two-object images; generated into `data/benchmark-test/` of the workspace root if
 * absent) with the bundled model on ONNX Runtime, and prints its table. `--limit N` takes the
 * first N images of each kind.
 *
 * @param argv - The options.
 * @returns When the table is printed.
 */
export async function printLocalisation(argv: readonly string[]): Promise<void> {
  const limitIndex = argv.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(argv[limitIndex + 1]) : Infinity;
  const images = await openBenchmarkImages(join(workspaceRoot(), 'data', 'benchmark-test'), limit, (line) => process.stderr.write(`${line}\n`));
  const { modelPath, metadata } = bundledDemoModel();
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const backend = await loadModel(container, { path: modelPath }, { backend: 'onnx' });
  const started = performance.now();
  let report;
  try {
    let reported = 0;
    report = await runLocalisation({
      explainer: container.get(TOKENS.Explainer),
      backend,
      images,
      model: metadata,
      layers: metadata.recommendedLayers,
      onProgress: (explained) => {
        if (Math.floor(explained / 50) > Math.floor(reported / 50)) process.stderr.write(`  ${explained} maps...\n`);
        reported = explained;
      },
    });
  } finally {
    await backend.dispose();
  }
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  process.stdout.write(
    `${report.singles} one-object and ${report.pairMaps / 2} two-object held-out images (${report.pairMaps} class maps), ` +
      `${report.explanations} explanations in ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(
    formatTable(
      ['method', 'pointing game', 'energy in object', 'pairs: energy on own object', 'pairs: on the other', 'pairs: own > other'],
      report.rows.map((row) => [row.label, ...[row.pointingGame, row.energyInObject, row.pairsOwn, row.pairsOther, row.pairsOwnWins].map(percent)]),
    ),
  );
}
