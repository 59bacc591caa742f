import { join } from 'node:path';
import { preprocessImage, type ModelBackend, type Tensor } from '@polycam/core';
import { cascadingRandomization, sensitivityMax } from '@polycam/metrics';
import { bundledDemoModel } from '@polycam/synthetic';
import type { CliIo } from '../CliIo.js';
import { readImage } from '../image/readImage.js';
import { bundledModelLayers } from '../model/bundledModelLayers.js';
import { parseInteger } from '../options/parseInteger.js';
import { formatTable } from '../output/formatTable.js';
import { readBenchmarkItems } from './readBenchmarkItems.js';
import { runWithModel } from './runWithModel.js';
import type { SanityCommandOptions } from './SanityCommandOptions.js';

const METHODS = ['pcam+', 'pcam-', 'pcam±'] as const;

/**
 * `polycam sanity`: the robustness and sanity checks of the paper, on held-out images of the
 * synthetic benchmark with the bundled model. For each Poly-CAM preset it reports Captum's
 * sensitivity-max (10 perturbations in an L∞ ball of radius 0.02 by default; lower is more
 * stable) and the cascading model-randomisation check (Adebayo et al.): the Spearman rank
 * correlation between the map of the trained model and the map after re-initialising the
 * layers from the last one down. A faithful method's correlations fall towards 0.
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
  const [, height, width] = metadata.inputShape;
  const signal = io.signal ? { signal: io.signal } : {};
  const sensitivity = new Map<string, number[]>(METHODS.map((method) => [method, []]));
  const correlations = new Map<string, number[][]>(METHODS.map((method) => [method, []]));
  const { n, randomised, started } = await runWithModel(options, io, {
    prepare: () => readBenchmarkItems(options.data, count, (line) => io.stderr.write(`${line}\n`)),
    run: async ({ explainer, model: { backend }, progress }, items) => {
      const layers = bundledModelLayers(metadata, backend);
      let randomised: readonly string[] = [];
      const started = performance.now();
      progress.start('sanity', items.length * METHODS.length);
      for (const [index, item] of items.entries()) {
        const input = preprocessImage(await readImage(join(options.data, item.file), 3), { height, width, mean: metadata.mean, std: metadata.std });
        const classIndex = (await explainer.explain({ backend, input, layers, ...signal })).classIndex!;
        for (const [position, method] of METHODS.entries()) {
          const explainOn = async (model: ModelBackend, image: Tensor) =>
            (await explainer.explain({ backend: model, input: image, method, layers, classIndex, ...signal })).map;
          const stability = await sensitivityMax((image) => explainOn(backend, image), input, { samples, seed: index, ...signal });
          sensitivity.get(method)!.push(stability.value);
          const sanity = await cascadingRandomization(backend, (model) => explainOn(model, input), { seed: index, ...signal });
          randomised = sanity.steps.map((step) => step.layer);
          correlations.get(method)!.push(sanity.steps.map((step) => step.correlation));
          progress.update(index * METHODS.length + position + 1);
        }
      }
      return { n: items.length, randomised, started };
    },
  });
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  io.stdout.write(
    `${n} held-out images of the synthetic benchmark, bundled model, ${samples} perturbations, ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s\n\nsensitivity-max (mean; lower is more stable)\n`,
  );
  io.stdout.write(formatTable(['method', 'sensitivity-max'], METHODS.map((method) => [method, mean(sensitivity.get(method)!).toFixed(4)])));
  io.stdout.write('\ncascading randomisation: Spearman correlation with the trained model\'s map (mean), layers re-initialised from the last\n');
  const shortName = (layer: string): string => layer.split('/').filter((part) => part.length > 0).at(-2) ?? layer;
  io.stdout.write(
    formatTable(
      ['method', ...randomised.map((layer) => `+${shortName(layer)}`)],
      METHODS.map((method) => [method, ...randomised.map((_, step) => mean(correlations.get(method)!.map((row) => row[step]!)).toFixed(3))]),
    ),
  );
}
