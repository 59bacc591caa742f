import { openBenchmarkImages, runSanity, sanityMethods } from '@polycam/benchmark';
import { bundledDemoModel } from '@polycam/synthetic';
import type { CliIo } from '../CliIo.js';
import { bundledModelLayers } from '../model/bundledModelLayers.js';
import { parseInteger } from '../options/parseInteger.js';
import { formatTable } from '../output/formatTable.js';
import { benchmarkImagesLog } from './benchmarkImagesLog.js';
import { runWithModel } from './runWithModel.js';
import type { SanityCommandOptions } from './SanityCommandOptions.js';

/**
 * `polycam sanity`: the robustness and sanity checks of the paper (`runSanity` of
 * `@polycam/benchmark`), on held-out images of the synthetic benchmark with the bundled model.
 * For each Poly-CAM preset it reports Captum's sensitivity-max (10 perturbations in an L∞ ball
 * of radius 0.02 by default; lower is more stable) and the cascading model-randomisation check
 * (Adebayo et al.): the Spearman rank correlation between the map of the trained model and the
 * map after re-initialising the layers from the last one down. A faithful method's correlations
 * fall towards 0.
 *
 * @param options - The data folder, image count, perturbation count and the bundled model's
 *   options (`--backend`, `--threads`, `--plugin`, ...).
 * @param io - Streams and the cancellation signal.
 * @returns When the tables are printed.
 */
export async function runSanityCommand(options: SanityCommandOptions, io: CliIo): Promise<void> {
  const count = parseInteger('--images', options.images, 1);
  const samples = parseInteger('--samples', options.samples, 1);
  const { metadata } = bundledDemoModel();
  const started = performance.now();
  const { images, report } = await runWithModel(options, io, {
    prepare: () => openBenchmarkImages(options.data, count, benchmarkImagesLog(io), io.signal),
    run: async ({ explainer, model: { backend }, progress }, images) => {
      progress.start('sanity', images.singles.length * sanityMethods.length);
      const report = await runSanity({
        explainer,
        backend,
        images,
        model: metadata,
        layers: bundledModelLayers(metadata, backend),
        samples,
        onProgress: (done) => progress.update(done),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      return { images, report };
    },
  });
  io.stdout.write(
    `${images.singles.length} held-out images of the synthetic benchmark, bundled model, ${samples} perturbations, ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s\n\nsensitivity-max (mean; lower is more stable)\n`,
  );
  io.stdout.write(formatTable(['method', 'sensitivity-max'], report.methods.map((row) => [row.method, row.sensitivityMax.toFixed(4)])));
  io.stdout.write('\ncascading randomisation: Spearman correlation with the trained model\'s map (mean), layers re-initialised from the last\n');
  const shortName = (layer: string): string => layer.split('/').filter((part) => part.length > 0).at(-2) ?? layer;
  io.stdout.write(
    formatTable(
      ['method', ...report.layers.map((layer) => `+${shortName(layer)}`)],
      report.methods.map((row) => [row.method, ...row.correlations.map((value) => value.toFixed(3))]),
    ),
  );
}
