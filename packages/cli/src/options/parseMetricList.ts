import { PolycamError } from '@polycam/core';
import { faithfulnessMetrics as METRICS, type FaithfulnessMetric } from '@polycam/metrics';

/**
 * Parses `--metrics`, a comma-separated list of `insertion`, `deletion`, `drop-increase` and
 * `road` (or of the fewer measures a command offers).
 *
 * @param text - The text given.
 * @param available - The measures the command accepts; all of `faithfulnessMetrics` by default.
 * @returns The metrics, without duplicates, in the order given.
 * @throws {@link PolycamError} `invalid-argument` for an unknown name or an empty list.
 */
export function parseMetricList(text: string, available: readonly FaithfulnessMetric[] = METRICS): FaithfulnessMetric[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length === 0) {
    throw new PolycamError('invalid-argument', `--metrics expects some of ${available.join(', ')}, got '${text}'`);
  }
  const metrics: FaithfulnessMetric[] = [];
  for (const name of names) {
    const metric = available.find((candidate) => candidate === name);
    if (metric === undefined) {
      throw new PolycamError('invalid-argument', `unknown metric '${name}' (available: ${available.join(', ')})`);
    }
    if (!metrics.includes(metric)) metrics.push(metric);
  }
  return metrics;
}
