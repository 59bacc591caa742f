import { preprocessImage, TOKENS } from '@polycam/core';
import type { JobConfig, JobContext } from '@polycam/dataset';
import type { ExplainCommandOptions } from '../commands/ExplainCommandOptions.js';
import { withClassFlag } from '../commands/withClassFlag.js';
import { composeCliContainer } from '../container/composeCliContainer.js';
import { explainRequestFields } from '../explain/explainRequestFields.js';
import { parseExplainSettings } from '../explain/parseExplainSettings.js';
import { resolveExplainMethod } from '../explain/resolveExplainMethod.js';
import { readImage } from '../image/readImage.js';
import { renderOverlay } from '../image/renderOverlay.js';
import { chosenModelPath } from '../model/chosenModelPath.js';
import { openModel } from '../model/openModel.js';
import { parseModelOptions } from '../options/parseModelOptions.js';
import { resolveStatistics } from '../options/resolveStatistics.js';
import { createModelTargetResolver } from '../target/createModelTargetResolver.js';

/**
 * Opens what a dataset worker needs for a configuration, exactly as `polycam explain` would
 * with the same options: the container with the configuration's plugins, the model (with the
 * worker's own thread count), the method checked, the images decoded with sharp and normalised,
 * each explanation prepared with explain's settings and the job's own class or target (each
 * distinct target parsed once), and the overlay renderer. So a worker's map is the map that
 * `polycam explain` gives for the same image and options.
 *
 * @param config - The jobs' configuration: explain's raw options, the method and the model.
 * @param threads - The worker's runtime threads; the runtime's default when absent.
 * @param warn - Told each warning in one line (an image's dropped alpha channel, ...).
 * @returns The context; dispose it to release the model.
 * @throws {@link PolycamError} for bad options, plugins or a bad model.
 */
export async function openJobContext(config: JobConfig, threads: number | undefined, warn: (line: string) => void): Promise<JobContext> {
  const raw = { ...config.options, method: config.method } as unknown as ExplainCommandOptions;
  const given = parseModelOptions({ ...raw, ...(threads === undefined ? {} : { threads: String(threads) }) }, warn);
  // The bundled model is opened as such, so that its class names reach the record as in explain.
  const bundled = chosenModelPath({ ...given, model: undefined }) === config.model;
  const choice = { ...given, ...(bundled ? { model: undefined } : { model: config.model }) };
  const settings = parseExplainSettings(raw);
  const container = await composeCliContainer(choice.plugins);
  const explainer = container.get(TOKENS.Explainer);
  const method = resolveExplainMethod(explainer, raw);
  const { backend, path, classNames } = await openModel(container, choice);
  try {
    const [channels, height, width] = backend.description.input.shape;
    const statistics = resolveStatistics(channels, choice.mean, choice.std);
    // Each image's own target, parsed once per distinct target for the context's life.
    const resolveTarget = createModelTargetResolver(backend, explainer.targets(), settings.scoreFunction, statistics, warn);
    return {
      backend,
      readImage: (file) => readImage(file, channels, warn),
      preprocess: (image) => preprocessImage(image, { height, width, ...statistics }),
      explain: async (input, signal, target) => {
        const own = target === undefined ? {} : await resolveTarget({ target, source: "the image's target" });
        return explainer.explain(
          withClassFlag(() =>
            explainer.prepare({
              backend,
              input,
              ...method,
              ...explainRequestFields(settings),
              ...own,
              signal,
            }),
          ),
        );
      },
      renderOverlay: (image, map) => renderOverlay(image, map),
      details: (result) => {
        const className = result.classIndex === undefined ? undefined : classNames?.[result.classIndex];
        return { model: path, ...(className === undefined ? {} : { className }) };
      },
      dispose: () => backend.dispose(),
    };
  } catch (error) {
    await backend.dispose();
    throw error;
  }
}
