import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { classTarget, PolycamError, preprocessImage } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { checkSaliencyMap, evaluateFaithfulness, faithfulnessCsvFiles, type RelevanceBaseline } from '@polycam/metrics';
import { parseRoadPercentiles } from '../options/parseRoadPercentiles.js';
import type { CliIo } from '../CliIo.js';
import { readFailureReason } from '../input/readFailureReason.js';
import { withClassFlag } from './withClassFlag.js';
import { checkGivenTargets } from '../target/checkGivenTargets.js';
import { createModelTargetResolver } from '../target/createModelTargetResolver.js';
import type { RequestTarget } from '../target/RequestTarget.js';
import { saliencyMapFor } from '../evaluate/saliencyMapFor.js';
import { readImage } from '../image/readImage.js';
import { parseInteger } from '../options/parseInteger.js';
import { parseMetricList } from '../options/parseMetricList.js';
import { resolveStatistics } from '../options/resolveStatistics.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import type { OutputFile } from '../output/OutputFile.js';
import { writeFilesTogether } from '../output/writeFilesTogether.js';
import type { EvaluateCommandOptions } from './EvaluateCommandOptions.js';
import { runWithModel } from './runWithModel.js';

async function readNpz(path: string): Promise<ReturnType<typeof decodeNpz>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new PolycamError('file-not-found', `--saliency-npz '${path}' ${readFailureReason(error)}`, { cause: error });
  }
  try {
    return decodeNpz(bytes);
  } catch (error) {
    // The library says what is wrong with the archive; only the command knows which file it was.
    throw PolycamError.is(error, 'invalid-npz') ? new PolycamError('invalid-npz', `--saliency-npz '${path}': ${error.message}`, { cause: error }) : error;
  }
}

function stem(path: string): string {
  return basename(path, extname(path));
}

/**
 * `polycam evaluate`: the paper's faithfulness protocol on saliency maps read from an npz —
 * insertion and deletion curves and AUCs (blurred baseline, 224 steps by default) and Grad-CAM++'s
 * average drop and increase in confidence, and ROAD when `--metrics` names it (MoRF, LeRF and
 * combined, over `--road-percentiles`) — for the model's predicted class, `--class` (one for all,
 * or one per image), `--target KIND:ARGUMENT` or each image's row of `--classes FILE.csv`, as
 * `polycam explain` takes them, each target bound to its own image's output.
 * It writes the paper's CSV files (`ins_auc_<model>-<saliency>.csv`, `del_auc_…`,
 * `ins_details_…`, `del_details_…`, `drop_increase_…` for the third metric and `road_…` for
 * ROAD) and prints the
 * means; the protocol itself is `evaluateFaithfulness` of `@polycam/metrics`, and the files are
 * its `faithfulnessCsvFiles`. Every input is checked before the first model run, and the CSV files are written
 * together at the end, so bad input leaves no partial file.
 *
 * @param images - The image paths; each must have a map in the npz under its file name.
 * @param options - The raw command-line options.
 * @param io - Streams and the cancellation signal.
 * @returns When the CSV files are written.
 * @throws {@link PolycamError} for any bad input, with a one-line message.
 */
export async function runEvaluateCommand(images: readonly string[], options: EvaluateCommandOptions, io: CliIo): Promise<void> {
  const metrics = parseMetricList(options.metrics);
  const percentiles = parseRoadPercentiles(options.roadPercentiles);
  const steps = parseInteger('--steps', options.steps, 1);
  if (options.baseline !== 'blur' && options.baseline !== 'zero') {
    throw new PolycamError('invalid-argument', `--baseline expects blur or zero, got '${options.baseline}'`);
  }
  const baseline: RelevanceBaseline = options.baseline;
  // One --class for every image; a list of them (one per image), --target and --classes are each image's own.
  const classIndex = options.class === undefined || options.class.includes(',') ? undefined : parseInteger('--class', options.class, 0);
  const batchSize = parseInteger('--batch-size', options.batchSize, 1);
  await runWithModel(options, io, {
    prepare: async (explainer) => {
      const { given, plugins } = await checkGivenTargets(images, options, explainer);
      await checkOutputTargets({ csvDir: options.csvDir });
      const npz = await readNpz(options.saliencyNpz);
      return { npz, maps: images.map((image) => saliencyMapFor(npz, image, options.saliencyNpz)), given, plugins };
    },
    run: async ({ model: { backend, path: modelPath }, choice, progress }, { npz, maps, given, plugins }) => {
      const suffix = `${options.modelName ?? stem(modelPath)}-${options.saliencyName ?? stem(options.saliencyNpz)}`;
      const [channels, height, width] = backend.description.input.shape;
      const statistics = resolveStatistics(channels, choice.mean, choice.std);
      if (classIndex !== undefined) withClassFlag(() => classTarget(classIndex, 'softmax', backend.description.output.size));
      if (metrics.some((metric) => metric === 'insertion' || metric === 'deletion') && steps > height * width) {
        throw new PolycamError('invalid-argument', `--steps ${steps} exceeds the ${height * width} pixels of the model's input`);
      }
      for (const [index, path] of images.entries()) {
        try {
          checkSaliencyMap(maps[index]!, height, width);
        } catch (error) {
          const shape = npz.get(basename(path))!.shape.join(',');
          throw new PolycamError(
            'invalid-npz',
            `the map for '${basename(path)}' has shape [${shape}]; the model's input is ${height}×${width}, so a map must be ${height}×${width} or smaller with the same aspect ratio`,
            { cause: error },
          );
        }
      }
      const warn = (line: string): void => void io.stderr.write(`polycam: warning: ${line}\n`);
      // Every image's own class or target is checked against the model before the first pass.
      const resolveTarget = createModelTargetResolver(backend, plugins, 'softmax', statistics, warn);
      const targets: RequestTarget[] = [];
      for (const one of given ?? []) targets.push(await resolveTarget(one));
      const items = [];
      for (const [index, path] of images.entries()) {
        const pixels = await readImage(path, channels, warn);
        items.push({ key: basename(path), input: preprocessImage(pixels, { height, width, ...statistics }), saliency: maps[index]!, ...targets[index] });
      }
      const report = await evaluateFaithfulness(
        backend,
        items,
        {
          metrics,
          steps,
          baseline,
          batchSize,
          road: { percentiles },
          targets: plugins,
          ...(classIndex === undefined ? {} : { classIndex }),
          ...(io.signal ? { signal: io.signal } : {}),
          onProgress: (done, total) => (done === 0 ? progress.start('evaluating', total) : progress.update(done)),
        },
      );
      progress.stop();
      const files: OutputFile[] = faithfulnessCsvFiles(report, suffix).map((file) => ({ path: join(options.csvDir, file.name), bytes: file.text }));
      await writeFilesTogether(files);

      const { means } = report;
      const lines = [`${images.length} image${images.length === 1 ? '' : 's'}, ${steps} steps, ${baseline} baseline`];
      if (means.insertion !== undefined) lines.push(`insertion AUC  ${means.insertion.toFixed(4)}`);
      if (means.deletion !== undefined) lines.push(`deletion AUC   ${means.deletion.toFixed(4)}`);
      if (means.insertionMinusDeletion !== undefined) lines.push(`ins-del        ${means.insertionMinusDeletion.toFixed(4)}`);
      if (means.averageDrop !== undefined && means.increaseInConfidence !== undefined) {
        lines.push(`average drop   ${(means.averageDrop * 100).toFixed(2)}%`);
        lines.push(`increase in confidence ${(means.increaseInConfidence * 100).toFixed(2)}%`);
      }
      if (means.roadMostRelevantFirst !== undefined && means.roadLeastRelevantFirst !== undefined && means.roadCombined !== undefined) {
        lines.push(`ROAD MoRF      ${means.roadMostRelevantFirst.toFixed(4)} (lower is better)`);
        lines.push(`ROAD LeRF      ${means.roadLeastRelevantFirst.toFixed(4)} (higher is better)`);
        lines.push(`ROAD combined  ${means.roadCombined.toFixed(4)} (higher is better)`);
      }
      lines.push(`CSV files in ${options.csvDir}: ${files.map((file) => basename(file.path)).join(', ')}`);
      io.stdout.write(lines.join('\n') + '\n');
    },
  });
}
