import { PolycamError } from '@polycam/core';

/**
 * Checks ROAD's percentile list: at least one, each a number in [0, 100].
 *
 * @internal
 * @param percentiles - The list.
 * @throws {@link PolycamError} `invalid-argument` for an empty list or a percentile outside [0, 100].
 */
export function checkRoadPercentiles(percentiles: readonly number[]): void {
  if (percentiles.length === 0) throw new PolycamError('invalid-argument', 'ROAD needs at least one percentile');
  const bad = percentiles.find((percentile) => !(percentile >= 0 && percentile <= 100));
  if (bad !== undefined) throw new PolycamError('invalid-argument', `a ROAD percentile must lie in [0, 100], got ${bad}`);
}
