import type { WardMerge } from './WardMerge.js';

/**
 * Ward's agglomerative clustering with masses, as the list of its merges: starting from one
 * cluster per point, it repeatedly merges the two clusters whose merge adds the least to the
 * mass-weighted squared distance of the points to their cluster's centroid,
 * `Δ(A, B) = m_A·m_B / (m_A + m_B) · ‖c_A − c_B‖²` (updated by Lance–Williams), until `count`
 * clusters are left. A point of large mass is costly to merge, so it tends to stay alone.
 * Ward's criterion is monotone, so the costs never decrease, and they sum to the points' total
 * inertia when `count` is 1. Equal costs go to the lowest indexes, so the result is reproducible.
 *
 * @param points - `n` points of `dimension` values each, one after the other.
 * @param dimension - The values per point.
 * @param masses - Each point's mass, positive.
 * @param count - How many clusters to leave, at least 1.
 * @returns The `n − count` merges, in order.
 */
export function wardMerges(points: Float32Array, dimension: number, masses: Float64Array, count: number): WardMerge[] {
  const merges: WardMerge[] = [];
  const n = masses.length;
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      let squared = 0;
      for (let d = 0; d < dimension; d += 1) {
        const difference = points[i * dimension + d]! - points[j * dimension + d]!;
        squared += difference * difference;
      }
      const cost = ((masses[i]! * masses[j]!) / (masses[i]! + masses[j]!)) * squared;
      distance[i * n + j] = cost;
      distance[j * n + i] = cost;
    }
  }
  const mass = Float64Array.from(masses);
  const active = new Uint8Array(n).fill(1);
  const nearest = new Int32Array(n);
  const nearestCost = new Float64Array(n);
  const refresh = (i: number): void => {
    nearest[i] = -1;
    nearestCost[i] = Infinity;
    for (let j = 0; j < n; j += 1) {
      if (j !== i && active[j] && distance[i * n + j]! < nearestCost[i]!) {
        nearestCost[i] = distance[i * n + j]!;
        nearest[i] = j;
      }
    }
  };
  for (let i = 0; i < n; i += 1) refresh(i);
  for (let clusters = n; clusters > Math.max(count, 1); clusters -= 1) {
    let a = -1;
    for (let i = 0; i < n; i += 1) {
      if (active[i] && (a < 0 || nearestCost[i]! < nearestCost[a]!)) a = i;
    }
    const b = nearest[a]!;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    merges.push({ keep, drop, cost: nearestCost[a]! });
    // Lance–Williams update for Ward's criterion.
    const total = mass[keep]! + mass[drop]!;
    for (let k = 0; k < n; k += 1) {
      if (!active[k] || k === keep || k === drop) continue;
      const merged =
        ((mass[keep]! + mass[k]!) * distance[keep * n + k]! + (mass[drop]! + mass[k]!) * distance[drop * n + k]! - mass[k]! * distance[keep * n + drop]!) /
        (total + mass[k]!);
      distance[keep * n + k] = merged;
      distance[k * n + keep] = merged;
    }
    mass[keep] = total;
    active[drop] = 0;
    for (let k = 0; k < n; k += 1) {
      if (!active[k]) continue;
      if (k === keep || nearest[k] === keep || nearest[k] === drop) refresh(k);
      else if (distance[k * n + keep]! < nearestCost[k]! || (distance[k * n + keep]! === nearestCost[k]! && keep < nearest[k]!)) {
        nearestCost[k] = distance[k * n + keep]!;
        nearest[k] = keep;
      }
    }
  }
  return merges;
}
