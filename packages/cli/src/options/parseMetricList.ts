import { PolycamError } from '@polycam/core';
import { faithfulnessMetrics as METRICS, type FaithfulnessMetric } from '@polycam/metrics';

/**
 * Parses `--metrics`, a comma-separated list of `insertion`, `deletion` and `drop-increase`.
 *
 * @param text - The text given.
 * @returns The metrics, without duplicates, in the order given.
 * @throws {@link PolycamError} `invalid-argument` for an unknown name or an empty list.
 */
export function parseMetricList(text: string): FaithfulnessMetric[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length === 0) {
    throw new PolycamError('invalid-argument', `--metrics expects some of ${METRICS.join(', ')}, got '${text}'`);
  }
  const metrics: FaithfulnessMetric[] = [];
  for (const name of names) {
    const metric = METRICS.find((candidate) => candidate === name);
    if (metric === undefined) {
      throw new PolycamError('invalid-argument', `unknown metric '${name}' (available: ${METRICS.join(', ')})`);
    }
    if (!metrics.includes(metric)) metrics.push(metric);
  }
  return metrics;
}
