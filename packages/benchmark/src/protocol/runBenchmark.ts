import { fuseStages, PolycamError, type ExplainResult, type Fusion, type Map2D } from '@polycam/core';
import { resizeBilinear, saliencyMap } from '@polycam/core/kernels';
import { deletion, energyInMask, insertion, pointingGame, road } from '@polycam/metrics';
import type { BenchmarkRow } from '../rows/BenchmarkRow.js';
import type { BenchmarkOptions } from './BenchmarkOptions.js';
import type { BenchmarkRowFigures } from './BenchmarkRowFigures.js';
import { readModelInput } from './readModelInput.js';
import { registeredFusion } from './registeredFusion.js';

/** Running sums of one row's figures. */
class RowTally {
  readonly insertion: Float64Array;
  readonly deletion: Float64Array;
  insertionAuc = 0;
  deletionAuc = 0;
  hits = 0;
  energy = 0;
  roadMostRelevantFirst = 0;
  roadLeastRelevantFirst = 0;
  roadCombined = 0;
  passes = 0;
  ms = 0;
  constructor(steps: number) {
    this.insertion = new Float64Array(steps);
    this.deletion = new Float64Array(steps);
  }
}

/**
 * The benchmark protocol: on each held-out one-object image, explains it with every row's
 * method (for the predicted class; a re-fused row reuses its method's explanation), and scores
 * each map with the insertion and deletion curves (blur baseline), ROAD when
 * `roadPercentiles` is given (pytorch-grad-cam's MoRF, LeRF and combined, noise 0.01, seed 0),
 * the pointing game, the energy inside the object, and its cost in forward passes and
 * milliseconds.
 *
 * @param options - The images, model, rows, curve steps and batch size.
 * @returns Each row's mean figures and curves, in the rows' order.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unsupported-capability` when no row is given, and whatever
 *   explaining or scoring throws (`aborted` on cancellation).
 */
export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkRowFigures[]> {
  const { explainer, backend, rows, steps, batchSize, layers: recommended } = options;
  if (rows.length === 0) {
    throw new PolycamError('unsupported-capability', `none of the selected methods runs on the '${backend.id}' backend`);
  }
  const [, height, width] = options.model.inputShape;
  const signal = options.signal ? { signal: options.signal } : {};
  const fusions = new Map<string, Fusion>(rows.flatMap((row) => (row.fuseAgainWith === undefined ? [] : [[row.fuseAgainWith, registeredFusion(explainer, row.fuseAgainWith)]])));
  const tallies = new Map<BenchmarkRow, RowTally>(rows.map((row) => [row, new RowTally(steps)]));
  const items = options.images.singles;
  for (const [index, item] of items.entries()) {
    const { input, masks } = await readModelInput(options, item);
    const mask = masks[0]!;
    const explained = new Map<string, ExplainResult>();
    const explain = async (row: BenchmarkRow): Promise<ExplainResult> => {
      const key = `${row.method}\u0000${row.lastLayerOnly}`;
      let result = explained.get(key);
      if (result === undefined) {
        const layers = row.lastLayerOnly ? [recommended.at(-1)!] : recommended;
        result = await explainer.explain({ backend, input, method: row.method, layers, ...signal });
        explained.set(key, result);
      }
      return result;
    };
    const maps: { row: BenchmarkRow; map: Map2D; raw: Map2D; passes: number; ms: number }[] = [];
    for (const row of rows) {
      const result = await explain(row);
      if (row.fuseAgainWith === undefined) {
        maps.push({ row, map: result.map, raw: result.stages[0]!.fused, passes: result.passes.run, ms: result.durationMs });
      } else {
        const fused = fuseStages(result.stages, fusions.get(row.fuseAgainWith)!);
        maps.push({ row, map: saliencyMap(fused, height, width), raw: fused, passes: result.passes.run, ms: result.durationMs });
      }
    }
    const classIndex = [...explained.values()][0]!.classIndex!;
    for (const entry of maps) {
      const tally = tallies.get(entry.row)!;
      const curveOptions = { classIndex, steps, batchSize, ...signal };
      const inserted = await insertion(backend, input, entry.map, curveOptions);
      const deleted = await deletion(backend, input, entry.map, curveOptions);
      inserted.scores.forEach((score, step) => (tally.insertion[step]! += score));
      deleted.scores.forEach((score, step) => (tally.deletion[step]! += score));
      tally.insertionAuc += inserted.auc;
      tally.deletionAuc += deleted.auc;
      if (options.roadPercentiles !== undefined) {
        const scored = await road(backend, input, entry.map, { classIndex, batchSize, percentiles: options.roadPercentiles, ...signal });
        tally.roadMostRelevantFirst += scored.mostRelevantFirstMean;
        tally.roadLeastRelevantFirst += scored.leastRelevantFirstMean;
        tally.roadCombined += scored.combined;
      }
      tally.hits += pointingGame(resizeBilinear(entry.raw, height, width), mask) ? 1 : 0;
      tally.energy += energyInMask(entry.map, mask);
      tally.passes += entry.passes;
      tally.ms += entry.ms;
    }
    options.onProgress?.(index + 1, items.length);
  }
  const n = items.length;
  return rows.map((row) => {
    const tally = tallies.get(row)!;
    return {
      row,
      insertion: tally.insertionAuc / n,
      deletion: tally.deletionAuc / n,
      insertionMinusDeletion: (tally.insertionAuc - tally.deletionAuc) / n,
      pointingGame: tally.hits / n,
      energyInObject: tally.energy / n,
      ...(options.roadPercentiles === undefined
        ? {}
        : { road: { mostRelevantFirst: tally.roadMostRelevantFirst / n, leastRelevantFirst: tally.roadLeastRelevantFirst / n, combined: tally.roadCombined / n } }),
      passes: tally.passes / n,
      ms: tally.ms / n,
      insertionCurve: tally.insertion.map((value) => value / n),
      deletionCurve: tally.deletion.map((value) => value / n),
    };
  });
}
