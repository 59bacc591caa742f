import { basename } from 'node:path';
import { preprocessImage, type Tensor } from '@polycam/core';
import { encodeNpz } from '@polycam/core/io';
import type { CliIo } from '../CliIo.js';
import { readImage } from '../image/readImage.js';
import { parseInteger } from '../options/parseInteger.js';
import { parseLayerSelection } from '../options/parseLayerSelection.js';
import { parseRegisteredId } from '../options/parseRegisteredId.js';
import { parseScoreFunction } from '../options/parseScoreFunction.js';
import { resolveStatistics } from '../options/resolveStatistics.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import { explanationFiles } from '../output/explanationFiles.js';
import { formatTable } from '../output/formatTable.js';
import type { OutputFile } from '../output/OutputFile.js';
import { writeFilesTogether } from '../output/writeFilesTogether.js';
import { checkDistinctOutputs } from './checkDistinctOutputs.js';
import type { ExplainCommandOptions } from './ExplainCommandOptions.js';
import { explainWithProgress } from './explainWithProgress.js';
import { runWithModel } from './runWithModel.js';
import { withClassFlag } from './withClassFlag.js';

/**
 * `polycam explain`: explains each image with a Poly-CAM preset and writes the npz and the
 * per-image overlays and JSON files.
 *
 * Every input is checked (options, output places, model, layers, class, images) before the
 * first explanation runs, and the output files are written only once every image is explained,
 * all together: a failure or a cancellation at any point leaves no output file behind.
 *
 * @param images - The image paths.
 * @param options - The raw command-line options.
 * @param io - Streams and the cancellation signal.
 * @returns When all images are explained and written.
 * @throws {@link PolycamError} for any bad input, with a one-line message.
 */
export async function runExplainCommand(images: readonly string[], options: ExplainCommandOptions, io: CliIo): Promise<void> {
  const classIndex = options.class === undefined ? undefined : parseInteger('--class', options.class, 0);
  const batchSize = parseInteger('--batch-size', options.batchSize, 1);
  const layers = options.layers === undefined ? undefined : parseLayerSelection(options.layers);
  const scoreFunction = parseScoreFunction(options.score);

  await runWithModel(options, io, {
    prepare: async (explainer) => {
      const method = {
        method: options.method,
        ...(options.fusion ? { fusion: parseRegisteredId('--fusion <id>', options.fusion, explainer.fusions(), 'fusions') } : {}),
        ...(options.strategy ? { strategy: parseRegisteredId('--strategy <id>', options.strategy, explainer.strategies(), 'weighting strategies') } : {}),
      };
      const chosen = explainer.method(options.method);
      if (chosen.kind === 'preset') explainer.resolve(method);
      checkDistinctOutputs(images, { npz: options.npz !== undefined, out: options.out, preset: chosen.id });
      await checkOutputTargets({ ...(options.npz ? { npz: options.npz } : {}), ...(options.out ? { out: options.out } : {}) });
      return { method };
    },
    run: async ({ explainer, model: { backend, path: model, runtime, classNames }, choice, progress }, { method }) => {
      if (backend.id === 'tfjs') {
        io.stderr.write(`polycam: running on ${runtime}\n`);
      }
      const { input } = backend.description;
      const [channels, height, width] = input.shape;
      const statistics = resolveStatistics(channels, choice.mean, choice.std);
      const decoded = [];
      for (const path of images) {
        decoded.push(await readImage(path, channels, (line) => io.stderr.write(`polycam: warning: ${line}\n`)));
      }
      // Every check that can fail before a pass (capabilities, layers, class range), for every
      // image, before the first explanation runs.
      const prepared = decoded.map((image) =>
        withClassFlag(() =>
          explainer.prepare({
            backend,
            input: preprocessImage(image, { height, width, ...statistics }),
            ...method,
            ...(layers === undefined ? {} : { layers }),
            ...(classIndex === undefined ? {} : { classIndex }),
            scoreFunction,
            batchSize,
            ...(io.signal ? { signal: io.signal } : {}),
          }),
        ),
      );

      const files: OutputFile[] = [];
      const maps = new Map<string, Tensor>();
      const rows: string[][] = [];
      for (const [index, path] of images.entries()) {
        const image = decoded[index]!;
        const result = await explainWithProgress(
          explainer,
          prepared[index]!,
          `${basename(path)} (${index + 1}/${images.length})`,
          progress,
        );
        const className = result.classIndex === undefined ? undefined : classNames?.[result.classIndex];
        if (options.out !== undefined) {
          files.push(...(await explanationFiles(options.out, path, image, result, { model, ...(className === undefined ? {} : { className }) })));
        }
        maps.set(basename(path), { shape: [result.map.height, result.map.width], data: result.map.data });
        rows.push([
          path,
          className === undefined ? String(result.classIndex ?? '-') : `${result.classIndex} ${className}`,
          result.score.toFixed(4),
          String(result.layers.length),
          `${result.passes.run}/${result.passes.saved}`,
          String(Math.round(result.durationMs)),
        ]);
      }
      if (options.npz !== undefined) {
        files.push({ path: options.npz, bytes: encodeNpz(maps) });
      }
      await writeFilesTogether(files);
      io.stdout.write(formatTable(['image', 'class', 'score', 'layers', 'passes run/saved', 'ms'], rows));
    },
  });
}
