import { runSanity, sanityMethods } from '@polycam/benchmark';
import type { CliIo } from '../CliIo.js';
import { createCliContainer } from '../container/createCliContainer.js';
import { parseInteger } from '../options/parseInteger.js';
import { formatTable } from '../output/formatTable.js';
import { createProgressReporter } from '../progress/createProgressReporter.js';
import { openBenchmarkSession } from './openBenchmarkSession.js';
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
 * @param options - The data folder, image count, perturbation count and threads.
 * @param io - Streams and the cancellation signal.
 * @returns When the tables are printed.
 */
export async function runSanityCommand(options: SanityCommandOptions, io: CliIo): Promise<void> {
  const count = parseInteger('--images', options.images, 1);
  const samples = parseInteger('--samples', options.samples, 1);
  const threads = options.threads === undefined ? undefined : parseInteger('--threads', options.threads, 1);
  const session = await openBenchmarkSession(
    await createCliContainer(),
    options.data,
    count,
    threads,
    (line) => io.stderr.write(`${line}\n`),
    options.backend,
  );
  const progress = createProgressReporter(io.stderr);
  const started = performance.now();
  let report;
  try {
    progress.start('sanity', session.images.singles.length * sanityMethods.length);
    report = await runSanity({ ...session, samples, onProgress: (done) => progress.update(done), ...(io.signal ? { signal: io.signal } : {}) });
  } finally {
    progress.stop();
    await session.backend.dispose();
  }
  io.stdout.write(
    `${session.images.singles.length} held-out images of the synthetic benchmark, bundled model, ${samples} perturbations, ` +
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
