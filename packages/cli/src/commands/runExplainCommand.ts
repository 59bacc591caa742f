import { basename } from 'node:path';
import { PolycamError, preprocessImage, type ImagePixels, type PreparedExplanation, type Tensor } from '@polycam/core';
import { encodeNpz } from '@polycam/core/io';
import type { CliIo } from '../CliIo.js';
import { checkImageReadable } from '../image/checkImageReadable.js';
import { readImage } from '../image/readImage.js';
import { explainRequestFields } from '../explain/explainRequestFields.js';
import { parseExplainSettings } from '../explain/parseExplainSettings.js';
import { resolveExplainMethod } from '../explain/resolveExplainMethod.js';
import { resolveStatistics } from '../options/resolveStatistics.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import { explanationFileNames } from '../output/explanationFileNames.js';
import { explanationFiles } from '../output/explanationFiles.js';
import { formatTable } from '../output/formatTable.js';
import { OutputStage } from '../output/OutputStage.js';
import { createModelTargetResolver } from '../target/createModelTargetResolver.js';
import { checkGivenTargets } from '../target/checkGivenTargets.js';
import type { RequestTarget } from '../target/RequestTarget.js';
import { approximationCell } from './approximationCell.js';
import { checkDistinctOutputs } from './checkDistinctOutputs.js';
import type { ExplainCommandOptions } from './ExplainCommandOptions.js';
import { explainWithProgress } from './explainWithProgress.js';
import { fewAutoLayersWarning } from './fewAutoLayersWarning.js';
import { runWithModel } from './runWithModel.js';
import { withClassFlag } from './withClassFlag.js';

/**
 * `polycam explain`: explains each image with a Poly-CAM preset and writes the npz and the
 * per-image overlays and JSON files. With `--max-passes`, each map runs at most that many masked
 * passes (or that share of its exact count); the summary's approximation column and the JSON's
 * `approximation` say when and how a map was approximated.
 *
 * Each image is explained for the predicted class, `--class` (one for all, or one per image),
 * `--target KIND:ARGUMENT` or its row of `--classes FILE.csv`; every image's request carries its
 * own image's class or target, so a batch gives the maps that separate calls give.
 *
 * Every input is checked (options, output places, model, layers, every image's class or target,
 * every image's header) before the first explanation runs. The images are streamed: each is
 * decoded, explained and its overlay and JSON written under temporary names before the next, so that memory does not
 * grow with their number; every file is renamed into place only once all are written, and a
 * failure or a cancellation at any point leaves no output file behind.
 *
 * @param images - The image paths.
 * @param options - The raw command-line options.
 * @param io - Streams and the cancellation signal.
 * @returns When all images are explained and written.
 * @throws {@link PolycamError} for any bad input, with a one-line message.
 */
export async function runExplainCommand(images: readonly string[], options: ExplainCommandOptions, io: CliIo): Promise<void> {
  const settings = parseExplainSettings(options);
  const { layers } = settings;

  await runWithModel(options, io, {
    prepare: async (explainer) => {
      const method = resolveExplainMethod(explainer, options);
      const { given, plugins } = await checkGivenTargets(images, options, explainer);
      const chosen = explainer.method(options.method);
      checkDistinctOutputs(images, { npz: options.npz !== undefined, out: options.out, preset: chosen.id });
      const out = options.out;
      const outFiles = out === undefined ? [] : images.flatMap((image) => Object.values(explanationFileNames(out, image, chosen.id)));
      await checkOutputTargets({ ...(options.npz ? { npz: options.npz } : {}), ...(out ? { out, outFiles } : {}) });
      return { method, given, plugins };
    },
    run: async ({ explainer, model: { backend, path: model, runtime, classNames }, choice, progress }, { method, given, plugins }) => {
      if (backend.id === 'tfjs') {
        io.stderr.write(`polycam: running on ${runtime}\n`);
      }
      const { input } = backend.description;
      const [channels, height, width] = input.shape;
      const statistics = resolveStatistics(channels, choice.mean, choice.std);
      const warn = (line: string): void => void io.stderr.write(`polycam: warning: ${line}\n`);
      // Every image's header and every image's own target, before the first pass; each image is
      // then decoded, explained and written in turn, so that only one decoded image and one
      // overlay exist at a time.
      for (const path of images) await checkImageReadable(path);
      const resolveTarget = createModelTargetResolver(backend, plugins, settings.scoreFunction, statistics, warn);
      const targets: RequestTarget[] = [];
      for (const one of given ?? []) targets.push(await resolveTarget(one));
      const prepare = (image: ImagePixels, target: RequestTarget | undefined): PreparedExplanation =>
        withClassFlag(() =>
          explainer.prepare({
            backend,
            input: preprocessImage(image, { height, width, ...statistics }),
            ...method,
            ...explainRequestFields(settings),
            ...target,
            ...(io.signal ? { signal: io.signal } : {}),
          }),
        );
      const stage = new OutputStage();
      const maps = new Map<string, Tensor>();
      const rows: string[][] = [];
      try {
        for (const [index, path] of images.entries()) {
          const image = await readImage(path, channels, warn);
          // The checks that can fail before a pass (capabilities, layers, class range) depend on
          // the model only: the first image's run them all before the first pass.
          const prepared = prepare(image, targets[index]);
          if (index === 0 && prepared.plan.kind === 'cam' && (layers ?? prepared.plan.parts.preset.layers ?? 'auto') === 'auto') {
            const warning = fewAutoLayersWarning(backend.description, prepared.layers);
            if (warning !== undefined) io.stderr.write(warning);
          }
          const result = await explainWithProgress(explainer, prepared, `${basename(path)} (${index + 1}/${images.length})`, progress).catch(
            (error: unknown) => {
              // The library names the pass, or the target that this image's output leaves empty
              // (a segmentation class predicted nowhere); only the command knows which image it was.
              const imageBound = PolycamError.is(error, 'non-finite-output') || (targets[index]?.target !== undefined && PolycamError.is(error, 'invalid-argument'));
              throw imageBound ? new PolycamError((error as PolycamError).kind, `'${path}': ${(error as PolycamError).message}`) : error;
            },
          );
          const className = result.classIndex === undefined ? undefined : classNames?.[result.classIndex];
          if (options.out !== undefined) {
            const details = { model, ...(className === undefined ? {} : { className }) };
            for (const file of await explanationFiles(options.out, path, image, result, details)) await stage.write(file);
          }
          maps.set(basename(path), { shape: [result.map.height, result.map.width], data: result.map.data });
          rows.push([
            path,
            className === undefined ? String(result.classIndex ?? result.target) : `${result.classIndex} ${className}`,
            result.score.toFixed(4),
            String(result.layers.length),
            `${result.passes.run}/${result.passes.saved}`,
            approximationCell(result.approximation),
            String(Math.round(result.durationMs)),
          ]);
        }
        if (options.npz !== undefined) await stage.write({ path: options.npz, bytes: encodeNpz(maps) });
        await stage.commit();
      } finally {
        await stage.discard();
      }
      io.stdout.write(formatTable(['image', 'class', 'score', 'layers', 'passes run/saved', 'approximation', 'ms'], rows));
    },
  });
}
