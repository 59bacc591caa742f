import { PolycamError } from '@polycam/core';
import type { ExplainCommandOptions } from '../commands/ExplainCommandOptions.js';
import { parseInteger } from '../options/parseInteger.js';
import { parsePassBudget } from '../options/parsePassBudget.js';
import { parseLayerSelection } from '../options/parseLayerSelection.js';
import { parseScoreFunction } from '../options/parseScoreFunction.js';
import type { ExplainSettings } from './ExplainSettings.js';

/**
 * Parses explain's per-request options (`--class` when it is one class for every image; a
 * list, one per image, is `givenTargets`'), `--batch-size`, `--layers`, `--score`,
 * `--max-passes`), for
 * `explain` and for the dataset workers, which receive the same raw options in each job.
 *
 * @param options - The raw options.
 * @returns The parsed settings.
 * @throws {@link PolycamError} `invalid-argument` for a bad value, or for `--budget-rule`
 *   without `--max-passes`.
 */
export function parseExplainSettings(options: Pick<ExplainCommandOptions, 'class' | 'batchSize' | 'layers' | 'score' | 'maxPasses' | 'budgetRule'>): ExplainSettings {
  if (options.budgetRule !== undefined && options.maxPasses === undefined) {
    throw new PolycamError('invalid-argument', '--budget-rule needs --max-passes');
  }
  return {
    ...(options.class === undefined || options.class.includes(',') ? {} : { classIndex: parseInteger('--class', options.class, 0) }),
    batchSize: parseInteger('--batch-size', options.batchSize, 1),
    ...(options.layers === undefined ? {} : { layers: parseLayerSelection(options.layers) }),
    scoreFunction: parseScoreFunction(options.score),
    ...(options.maxPasses === undefined ? {} : { maxPasses: parsePassBudget(options.maxPasses) }),
  };
}
