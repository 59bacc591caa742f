import { seededRandom } from '@polycam/core';
import { clustersFromMerges, wardClusters, wardMerges } from '@polycam/method-polycam';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Brute-force Ward: every step recomputes every pair's cost from the clusters' centroids. */
function bruteForce(points: number[][], masses: number[]): { keep: number; drop: number; cost: number }[] {
  let clusters = points.map((point, index) => ({ id: index, mass: masses[index]!, centroid: point }));
  const merges: { keep: number; drop: number; cost: number }[] = [];
  while (clusters.length > 1) {
    let best: { a: number; b: number; cost: number } | undefined;
    for (let a = 0; a < clusters.length; a += 1) {
      for (let b = a + 1; b < clusters.length; b += 1) {
        const [p, q] = [clusters[a]!, clusters[b]!];
        const squared = p.centroid.reduce((sum, value, d) => sum + (value - q.centroid[d]!) ** 2, 0);
        const cost = ((p.mass * q.mass) / (p.mass + q.mass)) * squared;
        if (best === undefined || cost < best.cost - 1e-9 * Math.max(1, cost)) best = { a, b, cost };
      }
    }
    const [p, q] = [clusters[best!.a]!, clusters[best!.b]!];
    const mass = p.mass + q.mass;
    const centroid = p.centroid.map((value, d) => (value * p.mass + q.centroid[d]! * q.mass) / mass);
    merges.push({ keep: Math.min(p.id, q.id), drop: Math.max(p.id, q.id), cost: best!.cost });
    clusters = clusters.filter((_, index) => index !== best!.a && index !== best!.b).concat({ id: Math.min(p.id, q.id), mass, centroid });
    clusters.sort((x, y) => x.id - y.id);
  }
  return merges;
}

describe('wardMerges', () => {
  it('merges as brute-force Ward does, at the same costs, on random weighted points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 10_000 }), (n, dimension, seed) => {
        const random = seededRandom(seed);
        const points = Array.from({ length: n }, () => Array.from({ length: dimension }, () => random() * 10));
        const masses = Array.from({ length: n }, () => 0.1 + random() * 5);
        const merges = wardMerges(Float32Array.from(points.flat()), dimension, Float64Array.from(masses), 1);
        // Float32 storage of the points: compare with the brute force on the same rounded values.
        const rounded = points.map((point) => point.map(Math.fround));
        const expected = bruteForce(rounded, masses);
        expect(merges.map(({ keep, drop }) => [keep, drop])).toEqual(expected.map(({ keep, drop }) => [keep, drop]));
        merges.forEach((merge, index) => expect(merge.cost).toBeCloseTo(expected[index]!.cost, 6));
        // Ward is monotone: the costs never decrease.
        merges.slice(1).forEach((merge, index) => expect(merge.cost).toBeGreaterThanOrEqual(merges[index]!.cost * (1 - 1e-12)));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('works out a hand example: the light pair merges first, the heavy point stays alone longest', () => {
    // Points on a line at 0, 1, 4 with masses 1, 1, 10.
    // Δ(0,1) = 1·1/2 · 1 = 0.5; Δ(1,2) = 10/11 · 9 ≈ 8.18; Δ(0,2) = 10/11 · 16 ≈ 14.5.
    // Then {0,1} (mass 2, centroid 0.5) with 2: 2·10/12 · 3.5² = 20.4166…
    const merges = wardMerges(Float32Array.of(0, 1, 4), 1, Float64Array.of(1, 1, 10), 1);
    expect(merges.map(({ keep, drop }) => [keep, drop])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(merges[0]!.cost).toBeCloseTo(0.5, 12);
    expect(merges[1]!.cost).toBeCloseTo((20 / 12) * 12.25, 10);
    // The merges' costs sum to the total weighted inertia around the mean (1·0 + 1·1 + 10·4)/12.
    const mean = 41 / 12;
    const inertia = (0 - mean) ** 2 + (1 - mean) ** 2 + 10 * (4 - mean) ** 2;
    expect(merges[0]!.cost + merges[1]!.cost).toBeCloseTo(inertia, 10);
  });

  it('stops at the requested number of clusters', () => {
    expect(wardMerges(Float32Array.of(0, 1, 4, 9), 1, Float64Array.of(1, 1, 1, 1), 3)).toHaveLength(1);
    expect(wardMerges(Float32Array.of(0, 1), 1, Float64Array.of(1, 1), 5)).toEqual([]);
  });
});

describe('clustersFromMerges and wardClusters', () => {
  it('labels points by the first merges, clusters numbered by their first point', () => {
    const merges = [
      { keep: 2, drop: 3, cost: 1 },
      { keep: 0, drop: 2, cost: 2 },
      { keep: 0, drop: 1, cost: 3 },
    ];
    expect([...clustersFromMerges(4, merges, 4)]).toEqual([0, 1, 2, 3]);
    expect([...clustersFromMerges(4, merges, 3)]).toEqual([0, 1, 2, 2]);
    expect([...clustersFromMerges(4, merges, 2)]).toEqual([0, 1, 0, 0]);
    expect([...clustersFromMerges(4, merges, 1)]).toEqual([0, 0, 0, 0]);
  });

  it('groups two obvious blobs into two clusters', () => {
    const points = Float32Array.of(0, 0, 0.1, 0, 0, 0.2, 5, 5, 5.1, 5, 5, 5.3);
    expect([...wardClusters(points, 2, new Float64Array(6).fill(1), 2)]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...wardClusters(points, 2, new Float64Array(6).fill(1), 6)]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
