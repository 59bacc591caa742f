import { join } from 'node:path';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { openBenchmarkImages, runLocalisation, type BenchmarkImages, type LocalisationOptions, type LocalisationReport } from '@polycam/benchmark';
import { formatTable } from '@polycam/cli';
import { createPolycamContainer, loadModel, TOKENS, type Explainer } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel, bundledSegmentationModel } from '@polycam/synthetic';
import { workspaceRoot } from '../workspaceRoot.js';

/** Runs the localisation protocol on one bundled model, reporting progress on standard error. */
async function localise(
  explainer: Explainer,
  images: BenchmarkImages,
  loadBackend: () => ReturnType<typeof loadModel>,
  options: Pick<LocalisationOptions, 'model' | 'layers' | 'targetOf'>,
): Promise<LocalisationReport> {
  const backend = await loadBackend();
  try {
    let reported = 0;
    return await runLocalisation({
      explainer,
      backend,
      images,
      ...options,
      onProgress: (explained) => {
        if (Math.floor(explained / 50) > Math.floor(reported / 50)) process.stderr.write(`  ${explained} maps...\n`);
        reported = explained;
      },
    });
  } finally {
    await backend.dispose();
  }
}

/**
 * `npm run localisation`: runs the localisation protocol (`runLocalisation` of
 * `@polycam/benchmark`) on the held-out test split of the synthetic benchmark (400 one-object
 * images, 200 two-object images; generated into `data/benchmark-test/` of the workspace root if
 * absent) with the bundled model on ONNX Runtime, and prints its table. `--limit N` takes the
 * first N images of each kind. `--segmentation` also runs it on the bundled segmentation
 * network, each object's map explaining its class over the pixels the network predicts as that
 * class (the `segmentation` target), and prints both models' rows in one table.
 *
 * @param argv - The options.
 * @returns When the table is printed.
 */
export async function printLocalisation(argv: readonly string[]): Promise<void> {
  const limitIndex = argv.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(argv[limitIndex + 1]) : Infinity;
  const withSegmentation = argv.includes('--segmentation');
  const images = await openBenchmarkImages(join(workspaceRoot(), 'data', 'benchmark-test'), limit, (line) => process.stderr.write(`${line}\n`));
  const classifier = bundledDemoModel();
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const explainer = container.get(TOKENS.Explainer);
  const started = performance.now();
  const reports: { model: string; report: LocalisationReport }[] = [];
  reports.push({
    model: 'classifier',
    report: await localise(explainer, images, () => loadModel(container, { path: classifier.modelPath }, { backend: 'onnx' }), {
      model: classifier.metadata,
      layers: classifier.metadata.recommendedLayers,
    }),
  });
  if (withSegmentation) {
    const segmentation = bundledSegmentationModel();
    process.stderr.write('the segmentation network, each class over its predicted region:\n');
    reports.push({
      model: 'segmentation',
      report: await localise(explainer, images, () => loadModel(container, { path: segmentation.modelPath }, { backend: 'onnx' }), {
        model: segmentation.metadata,
        layers: segmentation.metadata.recommendedLayers,
        targetOf: (label) => ({ kind: 'segmentation', options: { classIndex: label + 1 } }),
      }),
    });
  }
  const first = reports[0]!.report;
  const explanations = reports.reduce((sum, { report }) => sum + report.explanations, 0);
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  process.stdout.write(
    `${first.singles} one-object and ${first.pairMaps / 2} two-object held-out images (${first.pairMaps} class maps), ` +
      `${explanations} explanations in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  for (const { model, report } of reports.filter(({ report }) => report.unbound > 0)) {
    process.stdout.write(`${model}: ${report.unbound} objects left out, their class predicted nowhere on their image\n`);
  }
  process.stdout.write('\n');
  const headers = ['method', 'pointing game', 'energy in object', 'pairs: energy on own object', 'pairs: on the other', 'pairs: own > other'];
  process.stdout.write(
    formatTable(
      withSegmentation ? ['model', ...headers] : headers,
      reports.flatMap(({ model, report }) =>
        report.rows.map((row) => [
          ...(withSegmentation ? [model] : []),
          row.label,
          ...[row.pointingGame, row.energyInObject, row.pairsOwn, row.pairsOther, row.pairsOwnWins].map(percent),
        ]),
      ),
    ),
  );
}
