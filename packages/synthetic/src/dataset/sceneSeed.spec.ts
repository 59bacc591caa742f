import { describe, expect, it } from 'vitest';
import { sceneSeed } from './sceneSeed.js';

describe('sceneSeed', () => {
  it('is deterministic', () => {
    expect(sceneSeed(42, 1, 0, 7)).toBe(sceneSeed(42, 1, 0, 7));
    expect(sceneSeed(0, 0, 0, 0)).toBe(sceneSeed(0, 0, 0, 0));
  });

  it('returns an unsigned 32-bit integer', () => {
    for (const [dataset, split, kind, index] of [[0, 0, 0, 0], [42, 2, 1, 99], [-7, 1, 1, 3], [0xffffffff, 0, 1, 12345]]) {
      const seed = sceneSeed(dataset!, split!, kind!, index!);
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThan(2 ** 32);
    }
  });

  it('differs across the dataset seed, the split, the kind and the index', () => {
    const base = sceneSeed(42, 0, 0, 0);
    expect(sceneSeed(43, 0, 0, 0)).not.toBe(base);
    expect(sceneSeed(42, 1, 0, 0)).not.toBe(base);
    expect(sceneSeed(42, 0, 1, 0)).not.toBe(base);
    expect(sceneSeed(42, 0, 0, 1)).not.toBe(base);
    // Swapping the parts must not collide either.
    expect(sceneSeed(42, 1, 0, 0)).not.toBe(sceneSeed(42, 0, 1, 0));
    expect(sceneSeed(42, 0, 0, 1)).not.toBe(sceneSeed(42, 1, 0, 0));
  });

  it('gives every image of a dataset its own seed, so splits never share a scene', () => {
    const seeds = new Set<number>();
    let count = 0;
    for (let split = 0; split < 3; split += 1) {
      for (let kind = 0; kind < 2; kind += 1) {
        for (let index = 0; index < 1000; index += 1) {
          seeds.add(sceneSeed(2024, split, kind, index));
          count += 1;
        }
      }
    }
    expect(seeds.size).toBe(count);
  });
});
