import { seededRandom } from '@polycam/core';
import { errorKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { numpyPercentile as percentile } from './numpyPercentile.testkit.js';
import { roadRemovalMask } from './roadRemovalMask.js';

// 50 values with ties: 20 distinct levels.
const random = seededRandom(11);
const map = Float32Array.from({ length: 50 }, () => Math.floor(random() * 20) / 19);

describe('roadRemovalMask', () => {
  it('removes most relevant first every pixel with S ≥ the p-th percentile, ties included, and keeps the rest', () => {
    for (const p of [0, 10, 25, 50, 73, 90, 100]) {
      const threshold = percentile([...map], p);
      const mask = roadRemovalMask(map, p, 'most-relevant-first');
      expect([...mask]).toEqual([...map].map((value) => (value >= threshold ? 1 : 0)));
    }
  });

  it('removes least relevant first every pixel with 1 − S ≥ the p-th percentile of 1 − S', () => {
    for (const p of [0, 10, 50, 90, 100]) {
      const flipped = [...map].map((value) => Math.fround(1 - value));
      const threshold = percentile(flipped, p);
      const mask = roadRemovalMask(map, p, 'least-relevant-first');
      expect([...mask]).toEqual(flipped.map((value) => (value >= threshold ? 1 : 0)));
    }
  });

  it('removes the top and the bottom of distinct values in the counts that p implies (p is the share kept)', () => {
    const distinct = Float32Array.from({ length: 101 }, (_, index) => ((index * 37) % 101) / 100);
    for (const p of [10, 20, 50, 80, 90]) {
      const most = roadRemovalMask(distinct, p, 'most-relevant-first');
      const least = roadRemovalMask(distinct, p, 'least-relevant-first');
      // The percentile of 0, 0.01, …, 1 at p is p/100 itself; S ≥ p/100 holds for 101 − p values.
      expect(most.reduce((sum, flag) => sum + flag, 0)).toBe(101 - p);
      expect(least.reduce((sum, flag) => sum + flag, 0)).toBe(101 - p);
      const removedMost = [...distinct].filter((_, index) => most[index]);
      const keptMost = [...distinct].filter((_, index) => !most[index]);
      expect(Math.min(...removedMost)).toBeGreaterThan(Math.max(...keptMost));
      const removedLeast = [...distinct].filter((_, index) => least[index]);
      const keptLeast = [...distinct].filter((_, index) => !least[index]);
      expect(Math.max(...removedLeast)).toBeLessThan(Math.min(...keptLeast));
    }
  });

  it('removes every pixel of a constant map, in both orders', () => {
    const constant = new Float32Array(9).fill(0.3);
    expect([...roadRemovalMask(constant, 50, 'most-relevant-first')]).toEqual(new Array(9).fill(1));
    expect([...roadRemovalMask(constant, 50, 'least-relevant-first')]).toEqual(new Array(9).fill(1));
  });

  it('refuses a percentile outside [0, 100] and an empty map', () => {
    expect(errorKindOf(() => roadRemovalMask(map, 101, 'most-relevant-first'))).toBe('invalid-argument');
    expect(errorKindOf(() => roadRemovalMask(map, Number.NaN, 'least-relevant-first'))).toBe('invalid-argument');
    expect(errorKindOf(() => roadRemovalMask(new Float32Array(0), 50, 'most-relevant-first'))).toBe('invalid-argument');
  });
});
