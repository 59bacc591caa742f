import { clustersFromMerges } from './clustersFromMerges.js';
import { wardMerges } from './wardMerges.js';

/**
 * Groups points by Ward's agglomerative clustering with masses ({@link wardMerges}) into
 * `count` clusters.
 *
 * @param points - `n` points of `dimension` values each, one after the other.
 * @param dimension - The values per point.
 * @param masses - Each point's mass, positive.
 * @param count - How many clusters to leave, at least 1; `n` or more leaves every point alone.
 * @returns Each point's cluster, numbered 0..count−1 in the order of each cluster's first point.
 */
export function wardClusters(points: Float32Array, dimension: number, masses: Float64Array, count: number): Int32Array {
  return clustersFromMerges(masses.length, wardMerges(points, dimension, masses, count), count);
}
