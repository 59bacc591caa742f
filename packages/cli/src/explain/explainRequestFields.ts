import type { ExplainRequest } from '@polycam/core';
import type { ExplainSettings } from './ExplainSettings.js';

/**
 * The fields of an explain request that explain's settings give, written once for `explain` and
 * for the dataset workers, so that a setting added to {@link ExplainSettings} reaches both.
 *
 * @param settings - The parsed settings.
 * @returns The request's fields (layers, class, score function, batch size, pass budget).
 */
export function explainRequestFields(settings: ExplainSettings): Pick<ExplainRequest, 'layers' | 'classIndex' | 'scoreFunction' | 'batchSize' | 'maxPasses'> {
  return {
    ...(settings.layers === undefined ? {} : { layers: settings.layers }),
    ...(settings.classIndex === undefined ? {} : { classIndex: settings.classIndex }),
    scoreFunction: settings.scoreFunction,
    batchSize: settings.batchSize,
    ...(settings.maxPasses === undefined ? {} : { maxPasses: settings.maxPasses }),
  };
}
