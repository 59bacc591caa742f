import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preprocessImage, resizeBilinear, saliencyMap, type Map2D } from '@polycam/core';
import { NoLNormFusion, SingleLayerFusion } from '@polycam/method-polycam';
import { classSpecificity, energyInMask, pointingGame } from '@polycam/metrics';
import { readImage } from '../image/readImage.js';
import { readMask } from '../image/readMask.js';
import { formatTable } from '../output/formatTable.js';
import { openBenchmarkSession } from '../benchmark/openBenchmarkSession.js';
import { fuseStages } from './fuseStages.js';

/** Running sums of one method's localisation figures. */
class Tally {
  hits = 0;
  energy = 0;
  count = 0;
  own = 0;
  other = 0;
  wins = 0;
  pairs = 0;
}

/**
 * `npm run localisation`: measures how well the maps localise the explained object on the
 * held-out test split of the synthetic benchmark (400 one-object images, 200 two-object images;
 * generated into `data/benchmark-test/` if absent), with the bundled model.
 *
 * Each image is explained once with PCAM± for its true class; the same channel weights then give
 * the ablations: PCAM± without LNorm (the CAMs fused without local normalisation) and
 * single-layer CAM± on each layer (no fusion), the last layer's being classic CAM resolution.
 * Reported: the pointing game (the maximum of the fused map, before the normalisation whose clamp
 * makes many pixels tie at 1, inside the object) and the energy-based pointing game (the share of
 * the normalised map's sum inside the object) on one-object images, and on two-object images the
 * energy each class's map puts on its own object and on the other.
 */
async function runLocalisation(argv: readonly string[]): Promise<void> {
  const limitIndex = argv.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(argv[limitIndex + 1]) : Infinity;
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const { folder, items: singles, pairs, metadata, explainer, backend } = await openBenchmarkSession(
    join(root, 'data', 'benchmark-test'),
    limit,
    undefined,
    (line) => process.stderr.write(`${line}\n`),
  );
  const noLNorm = new NoLNormFusion();
  const single = new SingleLayerFusion();
  const layers = metadata.recommendedLayers;
  const layerLabel = (name: string): string => {
    const shape = backend.description.layers.find((layer) => layer.name === name)!.shape;
    return `single-layer CAM± on ${name.split('/').at(-2) ?? name} (${shape[1]}×${shape[2]})`;
  };
  const methods = ['PCAM± (LNorm, the default)', 'PCAM± without LNorm', ...[...layers].reverse().map(layerLabel)];
  const tallies = new Map(methods.map((method) => [method, new Tally()]));
  const started = performance.now();
  let explained = 0;
  try {
    for (const item of [...singles, ...pairs]) {
      const image = await readImage(join(folder, item.file), 3);
      const input = preprocessImage(image, { height: metadata.inputShape[1], width: metadata.inputShape[2], mean: metadata.mean, std: metadata.std });
      const masks = await Promise.all(item.objects.map(async (object) => (await readMask(join(folder, object.mask))).mask));
      for (const [index, object] of item.objects.entries()) {
        const result = await explainer.explain({ backend, input, layers, classIndex: object.label, method: 'pcam±' });
        explained += 1;
        const [height, width] = [result.map.height, result.map.width];
        // Each method's fused map before normalisation: the pointing game takes its maximum,
        // because u's clamp makes the top 0.1% of the normalised map tie at 1.
        const fused: Map2D[] = [
          result.stages.at(-1)!.fused,
          fuseStages(result.stages, noLNorm),
          ...result.stages.map((stage) => fuseStages([stage], single)),
        ];
        fused.forEach((raw, position) => {
          const tally = tallies.get(methods[position]!)!;
          const map = saliencyMap(raw, height, width);
          if (item.kind === 'single') {
            tally.hits += pointingGame(resizeBilinear(raw, height, width), masks[index]!) ? 1 : 0;
            tally.energy += energyInMask(map, masks[index]!);
            tally.count += 1;
          } else {
            const { own, other } = classSpecificity(map, masks[index]!, masks[1 - index]!);
            tally.own += own;
            tally.other += other;
            tally.wins += own > other ? 1 : 0;
            tally.pairs += 1;
          }
        });
      }
      if (explained % 50 < item.objects.length) process.stderr.write(`  ${explained} maps...\n`);
    }
  } finally {
    await backend.dispose();
  }
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const rows = methods.map((method) => {
    const tally = tallies.get(method)!;
    return [
      method,
      percent(tally.hits / tally.count),
      percent(tally.energy / tally.count),
      percent(tally.own / tally.pairs),
      percent(tally.other / tally.pairs),
      percent(tally.wins / tally.pairs),
    ];
  });
  const first = tallies.get(methods[0]!)!;
  process.stdout.write(
    `${first.count} one-object and ${first.pairs / 2} two-object held-out images (${first.pairs} class maps), ` +
      `${explained} explanations in ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(
    formatTable(['method', 'pointing game', 'energy in object', 'pairs: energy on own object', 'pairs: on the other', 'pairs: own > other'], rows),
  );
}

await runLocalisation(process.argv.slice(2));
