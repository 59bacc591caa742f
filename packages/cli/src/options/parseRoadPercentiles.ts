import { PolycamError } from '@polycam/core';
import { parseNumberList } from './parseNumberList.js';

/**
 * Parses `--road-percentiles`, ROAD's comma-separated percentiles, each in [0, 100] (the share
 * of pixels a perturbation keeps), such as `10,20,30,40,50,60,70,80,90`.
 *
 * @param text - The text given.
 * @returns The percentiles, in the order given.
 * @throws {@link PolycamError} `invalid-argument` when an entry is not a number in [0, 100].
 */
export function parseRoadPercentiles(text: string): number[] {
  const percentiles = parseNumberList('--road-percentiles', text);
  if (percentiles.some((percentile) => percentile < 0 || percentile > 100)) {
    throw new PolycamError('invalid-argument', `--road-percentiles expects percentages in [0, 100], got '${text}'`);
  }
  return percentiles;
}
