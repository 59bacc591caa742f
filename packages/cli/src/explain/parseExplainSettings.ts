import type { ExplainCommandOptions } from '../commands/ExplainCommandOptions.js';
import { parseInteger } from '../options/parseInteger.js';
import { parseLayerSelection } from '../options/parseLayerSelection.js';
import { parseScoreFunction } from '../options/parseScoreFunction.js';
import type { ExplainSettings } from './ExplainSettings.js';

/**
 * Parses explain's per-request options (`--class`, `--batch-size`, `--layers`, `--score`), for
 * `explain` and for the dataset workers, which receive the same raw options in each job.
 *
 * @param options - The raw options.
 * @returns The parsed settings.
 * @throws {@link PolycamError} `invalid-argument` for a bad value.
 */
export function parseExplainSettings(options: Pick<ExplainCommandOptions, 'class' | 'batchSize' | 'layers' | 'score'>): ExplainSettings {
  return {
    ...(options.class === undefined ? {} : { classIndex: parseInteger('--class', options.class, 0) }),
    batchSize: parseInteger('--batch-size', options.batchSize, 1),
    ...(options.layers === undefined ? {} : { layers: parseLayerSelection(options.layers) }),
    scoreFunction: parseScoreFunction(options.score),
  };
}
