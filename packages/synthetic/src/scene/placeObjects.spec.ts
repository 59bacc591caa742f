import { seededRandom } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { placeObjects } from './placeObjects.js';

describe('placeObjects', () => {
  const sizes = [48, 64, 128, 300];

  it('places one object with a radius of 11–20% of the side, 2 px clear of every border', () => {
    for (const size of sizes) {
      for (let seed = 0; seed < 50; seed += 1) {
        const placements = placeObjects(1, size, seededRandom(seed));
        expect(placements).toHaveLength(1);
        const { center, radius, rotation } = placements[0]!;
        expect(radius).toBeGreaterThanOrEqual(0.11 * size);
        expect(radius).toBeLessThanOrEqual(0.2 * size);
        for (const coordinate of center) {
          expect(coordinate - radius).toBeGreaterThanOrEqual(2 - 1e-9);
          expect(coordinate + radius).toBeLessThanOrEqual(size - 2 + 1e-9);
        }
        expect(rotation).toBeGreaterThanOrEqual(0);
        expect(rotation).toBeLessThan(2 * Math.PI);
      }
    }
  });

  it('places two objects with radii of 9–15% of the side whose unit disks stay more than 4 px apart', () => {
    for (const size of sizes) {
      for (let seed = 0; seed < 50; seed += 1) {
        const placements = placeObjects(2, size, seededRandom(seed));
        expect(placements).toHaveLength(2);
        for (const { center, radius } of placements) {
          expect(radius).toBeGreaterThanOrEqual(0.09 * size);
          expect(radius).toBeLessThanOrEqual(0.15 * size);
          for (const coordinate of center) {
            expect(coordinate - radius).toBeGreaterThanOrEqual(2 - 1e-9);
            expect(coordinate + radius).toBeLessThanOrEqual(size - 2 + 1e-9);
          }
        }
        const [a, b] = placements as [(typeof placements)[0], (typeof placements)[0]];
        const gap = Math.hypot(a.center[0] - b.center[0], a.center[1] - b.center[1]) - a.radius - b.radius;
        expect(gap, `size ${size}, seed ${seed}`).toBeGreaterThan(4);
      }
    }
  });

  it('depends on the random source only', () => {
    expect(placeObjects(2, 128, seededRandom(7))).toEqual(placeObjects(2, 128, seededRandom(7)));
    expect(placeObjects(2, 128, seededRandom(7))).not.toEqual(placeObjects(2, 128, seededRandom(8)));
  });
});
