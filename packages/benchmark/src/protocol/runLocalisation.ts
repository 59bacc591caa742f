import { fuseStages, PolycamError, type ExplainResult, type Map2D } from '@polycam/core';
import { resizeBilinear, saliencyMap } from '@polycam/core/kernels';
import { classSpecificity, energyInMask, pointingGame } from '@polycam/metrics';
import type { LocalisationReport } from './LocalisationReport.js';
import type { LocalisationOptions } from './LocalisationOptions.js';
import { readModelInput } from './readModelInput.js';
import { registeredFusion } from './registeredFusion.js';

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
 * The localisation protocol: how well the maps localise the explained object. Each object of
 * each image is explained once with PCAM± for its true class; the same channel weights then give
 * the ablations: PCAM± without LNorm (the CAMs fused without local normalisation) and
 * single-layer CAM± on each layer (no fusion), the last layer's being classic CAM resolution.
 * It measures the pointing game (the maximum of the fused map, before the normalisation whose
 * clamp makes many pixels tie at 1, inside the object) and the energy-based pointing game (the
 * share of the normalised map's sum inside the object) on one-object images, and on two-object
 * images the energy each class's map puts on its own object and on the other. Each map explains
 * the object's class by default, or the target `options.targetOf` gives for it (a segmentation
 * network's class over its predicted region, say); an object whose target cannot be bound on its
 * image (`invalid-argument`: no pixel predicted as its class) is left out of the figures and
 * counted in the report's `unbound`.
 *
 * @param options - The images (one- and two-object), model, layers and target; progress counts
 *   explanations.
 * @returns The figures per method.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-method` when `pcam±`, `no-lnorm` or `single-layer` is not
 *   registered, the first `invalid-argument` when `targetOf`'s target binds on no object, and
 *   whatever explaining throws.
 */
export async function runLocalisation(options: LocalisationOptions): Promise<LocalisationReport> {
  const { explainer, backend, layers } = options;
  const noLNorm = registeredFusion(explainer, 'no-lnorm');
  const single = registeredFusion(explainer, 'single-layer');
  const signal = options.signal ? { signal: options.signal } : {};
  const layerLabel = (name: string): string => {
    const shape = backend.description.layers.find((layer) => layer.name === name)!.shape;
    return `single-layer CAM± on ${name.split('/').at(-2) ?? name} (${shape[1]}×${shape[2]})`;
  };
  const methods = ['PCAM± (LNorm, the default)', 'PCAM± without LNorm', ...[...layers].reverse().map(layerLabel)];
  const tallies = new Map(methods.map((method) => [method, new Tally()]));
  const items = [...options.images.singles, ...options.images.pairs];
  const unbound: PolycamError[] = [];
  const total = items.reduce((sum, item) => sum + item.objects.length, 0);
  let explained = 0;
  for (const item of items) {
    const { input, masks } = await readModelInput(options, item);
    for (const [index, object] of item.objects.entries()) {
      const target = options.targetOf ? { target: options.targetOf(object.label) } : { classIndex: object.label };
      let result: ExplainResult;
      try {
        result = await explainer.explain({ backend, input, layers, ...target, method: 'pcam±', ...signal });
      } catch (error) {
        // A target that cannot be bound on this image (a segmentation class predicted nowhere).
        if (options.targetOf === undefined || !(error instanceof PolycamError) || error.kind !== 'invalid-argument') throw error;
        unbound.push(error);
        continue;
      }
      explained += 1;
      const [height, width] = [result.map.height, result.map.width];
      // Each method's fused map before normalisation: the pointing game takes its maximum,
      // because u's clamp makes the top 0.1% of the normalised map tie at 1.
      const fused: Map2D[] = [
        result.stages[0]!.fused,
        fuseStages(result.stages, noLNorm),
        ...[...result.stages].reverse().map((stage) => fuseStages([stage], single)), // deepest first, as the labels
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
    options.onProgress?.(explained + unbound.length, total);
  }
  if (explained === 0 && unbound.length > 0) throw unbound[0]!;
  const rows = methods.map((label) => {
    const tally = tallies.get(label)!;
    return {
      label,
      pointingGame: tally.hits / tally.count,
      energyInObject: tally.energy / tally.count,
      pairsOwn: tally.own / tally.pairs,
      pairsOther: tally.other / tally.pairs,
      pairsOwnWins: tally.wins / tally.pairs,
    };
  });
  const first = tallies.get(methods[0]!)!;
  return { singles: first.count, pairMaps: first.pairs, explanations: explained, unbound: unbound.length, rows };
}
