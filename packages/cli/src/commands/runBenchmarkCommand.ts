import { benchmarkRows, openBenchmarkImages, partitionBenchmarkRows, runBenchmark } from '@polycam/benchmark';
import { benchmarkImagesLog } from './benchmarkImagesLog.js';
import { bundledDemoModel } from '@polycam/synthetic';
import type { CliIo } from '../CliIo.js';
import { bundledModelLayers } from '../model/bundledModelLayers.js';
import { parseBenchmarkMethods } from '../options/parseBenchmarkMethods.js';
import { parseInteger } from '../options/parseInteger.js';
import { parseRoadPercentiles } from '../options/parseRoadPercentiles.js';
import { formatTable } from '../output/formatTable.js';
import { writeFilesTogether } from '../output/writeFilesTogether.js';
import { renderCurvesSvg } from '../plot/renderCurvesSvg.js';
import type { BenchmarkCommandOptions } from './BenchmarkCommandOptions.js';
import { runWithModel } from './runWithModel.js';

/**
 * `polycam benchmark`: runs Poly-CAM and its ablations on the synthetic benchmark's held-out
 * one-object images with the bundled model (`runBenchmark` of `@polycam/benchmark`), and prints
 * a table in the form of the paper's Table 1 (insertion, deletion and ins−del AUCs, for the
 * predicted class) with localisation columns (pointing game, energy inside the object), each
 * method's cost in forward passes and milliseconds per map, and ROAD's MoRF (lower is better),
 * LeRF and combined scores (higher is better) over `--road-percentiles` (`none` leaves them
 * out). It draws the mean insertion and deletion curves as an SVG.
 *
 * The rows come from the registered methods (`benchmarkRows`): PCAM+, PCAM− and PCAM± (LNorm),
 * PCAM± without LNorm (the same weights fused again), the single-layer CAM+, CAM− and CAM± of
 * the last fused layer, and the baselines: Score-CAM, Grad-CAM, Grad-CAM++ and Layer-CAM by
 * default, RISE and Occlusion when `--methods` asks for them (`all`, or a list of keys, which may
 * name any other registered method). A method the backend cannot run (a gradient method on
 * ONNX) is skipped with a note on standard error.
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
  const roadPercentiles = options.roadPercentiles.trim() === 'none' ? undefined : parseRoadPercentiles(options.roadPercentiles);
  const { metadata } = bundledDemoModel();
  const started = performance.now();
  const { images, figures } = await runWithModel(options, io, {
    prepare: async (explainer) => ({
      selected: parseBenchmarkMethods(options.methods, benchmarkRows(explainer)),
      images: await openBenchmarkImages(options.data, count, benchmarkImagesLog(io), io.signal),
    }),
    run: async ({ explainer, model: { backend }, progress }, { selected, images }) => {
      const { runnable, skipped } = partitionBenchmarkRows(selected, explainer, backend);
      for (const { row, lacking } of skipped) {
        io.stderr.write(`skipping ${row.label}: it requires ${lacking.join(', ')}, which the '${backend.id}' backend does not provide\n`);
      }
      if (runnable.length > 0) progress.start('benchmark', images.singles.length);
      const figures = await runBenchmark({
        explainer,
        backend,
        images,
        model: metadata,
        layers: bundledModelLayers(metadata, backend),
        rows: runnable,
        steps,
        batchSize,
        ...(roadPercentiles === undefined ? {} : { roadPercentiles }),
        onProgress: (done) => progress.update(done),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      return { images, figures };
    },
  });

  const rows = figures.map((figure) => [
    figure.row.label,
    figure.insertion.toFixed(3),
    figure.deletion.toFixed(3),
    figure.insertionMinusDeletion.toFixed(3),
    `${(figure.pointingGame * 100).toFixed(1)}%`,
    `${(figure.energyInObject * 100).toFixed(1)}%`,
    String(Math.round(figure.passes)),
    String(Math.round(figure.ms)),
    ...(figure.road === undefined ? [] : [figure.road.mostRelevantFirst.toFixed(3), figure.road.leastRelevantFirst.toFixed(3), figure.road.combined.toFixed(3)]),
  ]);
  const series = (kind: 'insertionCurve' | 'deletionCurve'): { label: string; values: Float64Array }[] =>
    figures.map((figure) => ({ label: figure.row.label, values: figure[kind] }));
  await writeFilesTogether([{ path: options.plot, bytes: renderCurvesSvg(series('insertionCurve'), series('deletionCurve')) }]);
  io.stdout.write(
    `${images.singles.length} held-out one-object images of the synthetic benchmark, bundled model, ${steps} steps, blur baseline, ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  const roadColumns = roadPercentiles === undefined ? [] : ['ROAD MoRF ↓', 'ROAD LeRF ↑', 'ROAD combined ↑'];
  io.stdout.write(formatTable(['method', 'insertion', 'deletion', 'ins−del', 'pointing game', 'energy in object', 'passes/map', 'ms/map', ...roadColumns], rows));
  if (roadPercentiles !== undefined) {
    io.stdout.write(
      `\nROAD (percentiles ${roadPercentiles.join(',')}, noise 0.01, seed 0): the class score's change once the most (MoRF) or least (LeRF) relevant pixels are ` +
        'removed and imputed from their neighbours; lower MoRF, higher LeRF and higher combined = (LeRF − MoRF) / 2 are better\n',
    );
  }
  io.stdout.write(`\ncurves: ${options.plot}\n`);
}
