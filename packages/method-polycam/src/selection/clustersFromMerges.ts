import type { WardMerge } from './WardMerge.js';

/**
 * Replays the first merges of an agglomerative clustering to label each point with its
 * cluster: `n − count` merges leave `count` clusters.
 *
 * @param n - The number of points.
 * @param merges - The merges in order, such as {@link wardMerges} gives them; at least `n − count`.
 * @param count - How many clusters to leave.
 * @returns Each point's cluster, numbered from 0 in the order of each cluster's first point.
 */
export function clustersFromMerges(n: number, merges: readonly WardMerge[], count: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, index) => index);
  for (const merge of merges.slice(0, Math.max(0, n - count))) parent[merge.drop] = merge.keep;
  const root = (point: number): number => {
    let found = point;
    while (parent[found] !== found) found = parent[found]!;
    return found;
  };
  const labels = new Map<number, number>();
  return Int32Array.from({ length: n }, (_, point) => {
    const cluster = root(point);
    if (!labels.has(cluster)) labels.set(cluster, labels.size);
    return labels.get(cluster)!;
  });
}
