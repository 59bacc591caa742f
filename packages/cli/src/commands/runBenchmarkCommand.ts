import { join } from 'node:path';
import { PolycamError, preprocessImage, resizeBilinear, saliencyMap, type ExplainResult, type Map2D } from '@polycam/core';
import { NoLNormFusion } from '@polycam/method-polycam';
import { deletion, energyInMask, insertion, pointingGame } from '@polycam/metrics';
import { bundledDemoModel } from '@polycam/synthetic';
import { benchmarkMethods } from '../benchmark/benchmarkMethods.js';
import type { CliIo } from '../CliIo.js';
import { readImage } from '../image/readImage.js';
import { readMask } from '../image/readMask.js';
import { bundledModelLayers } from '../model/bundledModelLayers.js';
import { fuseStages } from '../localisation/fuseStages.js';
import { parseBenchmarkMethods } from '../options/parseBenchmarkMethods.js';
import { parseInteger } from '../options/parseInteger.js';
import { formatTable } from '../output/formatTable.js';
import { writeFilesTogether } from '../output/writeFilesTogether.js';
import { renderCurvesSvg } from '../plot/renderCurvesSvg.js';
import type { BenchmarkCommandOptions } from './BenchmarkCommandOptions.js';
import { readBenchmarkItems } from './readBenchmarkItems.js';
import { runWithModel } from './runWithModel.js';

/** Running sums of one method's figures. */
class MethodTally {
  readonly insertion: Float64Array;
  readonly deletion: Float64Array;
  insertionAuc = 0;
  deletionAuc = 0;
  hits = 0;
  energy = 0;
  passes = 0;
  ms = 0;
  constructor(steps: number) {
    this.insertion = new Float64Array(steps);
    this.deletion = new Float64Array(steps);
  }
}

/**
 * `polycam benchmark`: runs Poly-CAM and its ablations on the synthetic benchmark's held-out
 * one-object images with the bundled model, and prints a table in the form of the paper's
 * Table 1 (insertion, deletion and ins−del AUCs, for the predicted class) with localisation
 * columns (pointing game, energy inside the object) and each method's cost in forward passes
 * and milliseconds per map. It draws the mean insertion and deletion curves as an SVG.
 *
 * The rows are PCAM+, PCAM− and PCAM± (LNorm), PCAM± without LNorm (the same weights fused
 * again), the single-layer CAM+, CAM− and CAM± of the last fused layer, and the baselines:
 * Score-CAM, Grad-CAM, Grad-CAM++ and Layer-CAM by default, RISE and Occlusion when
 * `--methods` asks for them (`all`, or a list of keys). A method the backend cannot run (a
 * gradient method on ONNX) is skipped with a note on standard error.
 *
 * @param options - The data folder, image count, steps, batch size, methods, plot path and the
 *   bundled model's options (`--backend`, `--threads`, `--plugin`, ...).
 * @param io - Streams and the cancellation signal.
 * @returns When the table is printed and the plot written.
 */
export async function runBenchmarkCommand(options: BenchmarkCommandOptions, io: CliIo): Promise<void> {
  const count = parseInteger('--images', options.images, 1);
  const steps = parseInteger('--steps', options.steps, 1);
  const batchSize = parseInteger('--batch-size', options.batchSize, 1);
  const selected = parseBenchmarkMethods(options.methods);
  const { metadata } = bundledDemoModel();
  const [, height, width] = metadata.inputShape;
  const { n, reported, tallies, started } = await runWithModel(options, io, {
    prepare: () => readBenchmarkItems(options.data, count, (line) => io.stderr.write(`${line}\n`)),
    run: async ({ explainer, model: { backend }, progress }, items) => {
      const recommended = bundledModelLayers(metadata, backend);
      const lacking = (row: (typeof selected)[number]): string[] =>
        'explain' in row ? explainer.method(row.explain.method).requires.filter((capability) => !backend.capabilities.has(capability)) : [];
      for (const row of selected.filter((candidate) => lacking(candidate).length > 0)) {
        io.stderr.write(`skipping ${row.label}: it requires ${lacking(row).join(', ')}, which the '${backend.id}' backend does not provide\n`);
      }
      const reported = selected.filter((row) => lacking(row).length === 0);
      if (reported.length === 0) {
        throw new PolycamError('unsupported-capability', `none of the selected methods runs on the '${backend.id}' backend`);
      }
      const sources = new Set<string>(reported.flatMap((row) => ('refuse' in row ? [row.refuse.from] : [])));
      const computed = benchmarkMethods.filter((row) => reported.includes(row) || sources.has(row.label));
      const tallies = new Map<string, MethodTally>(reported.map((method) => [method.label, new MethodTally(steps)]));
      const noLNorm = new NoLNormFusion();
      const started = performance.now();
      const signal = io.signal ? { signal: io.signal } : {};
      progress.start('benchmark', items.length);
      for (const [index, item] of items.entries()) {
        const image = await readImage(join(options.data, item.file), 3);
        const mask = (await readMask(join(options.data, item.objects[0]!.mask))).mask;
        const input = preprocessImage(image, { height, width, mean: metadata.mean, std: metadata.std });
        const explained = new Map<string, ExplainResult>();
        const maps: { label: string; map: Map2D; raw: Map2D; passes: number; ms: number }[] = [];
        for (const method of computed) {
          if ('explain' in method) {
            const { method: preset, ...rest } = method.explain;
            const layers = 'lastLayerOnly' in rest ? [recommended.at(-1)!] : recommended;
            const result = await explainer.explain({ backend, input, method: preset, layers, ...('fusion' in rest ? { fusion: rest.fusion } : {}), ...signal });
            explained.set(method.label, result);
            const raw = result.stages.at(-1)!.fused;
            maps.push({ label: method.label, map: result.map, raw, passes: result.passes.run, ms: result.durationMs });
          } else {
            const source = explained.get(method.refuse.from)!;
            const fused = fuseStages(source.stages, noLNorm);
            maps.push({ label: method.label, map: saliencyMap(fused, height, width), raw: fused, passes: source.passes.run, ms: source.durationMs });
          }
        }
        const classIndex = [...explained.values()][0]!.classIndex!;
        for (const entry of maps) {
          const tally = tallies.get(entry.label);
          if (tally === undefined) continue; // computed only as another row's source
          const curveOptions = { classIndex, steps, batchSize, ...signal };
          const inserted = await insertion(backend, input, entry.map, curveOptions);
          const deleted = await deletion(backend, input, entry.map, curveOptions);
          inserted.scores.forEach((score, step) => (tally.insertion[step]! += score));
          deleted.scores.forEach((score, step) => (tally.deletion[step]! += score));
          tally.insertionAuc += inserted.auc;
          tally.deletionAuc += deleted.auc;
          tally.hits += pointingGame(resizeBilinear(entry.raw, height, width), mask) ? 1 : 0;
          tally.energy += energyInMask(entry.map, mask);
          tally.passes += entry.passes;
          tally.ms += entry.ms;
        }
        progress.update(index + 1);
      }
      return { n: items.length, reported, tallies, started };
    },
  });

  const rows = reported.map(({ label }) => {
    const tally = tallies.get(label)!;
    return [
      label,
      (tally.insertionAuc / n).toFixed(3),
      (tally.deletionAuc / n).toFixed(3),
      ((tally.insertionAuc - tally.deletionAuc) / n).toFixed(3),
      `${((tally.hits / n) * 100).toFixed(1)}%`,
      `${((tally.energy / n) * 100).toFixed(1)}%`,
      String(Math.round(tally.passes / n)),
      String(Math.round(tally.ms / n)),
    ];
  });
  const mean = (values: Float64Array): Float64Array => values.map((value) => value / n);
  const series = (kind: 'insertion' | 'deletion'): { label: string; values: Float64Array }[] =>
    reported.map(({ label }) => ({ label, values: mean(tallies.get(label)![kind]) }));
  await writeFilesTogether([{ path: options.plot, bytes: renderCurvesSvg(series('insertion'), series('deletion')) }]);
  io.stdout.write(
    `${n} held-out one-object images of the synthetic benchmark, bundled model, ${steps} steps, blur baseline, ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  io.stdout.write(formatTable(['method', 'insertion', 'deletion', 'ins−del', 'pointing game', 'energy in object', 'passes/map', 'ms/map'], rows));
  io.stdout.write(`\ncurves: ${options.plot}\n`);
}
