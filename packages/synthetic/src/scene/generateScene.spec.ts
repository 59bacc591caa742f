import { PolycamError } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { objectClasses } from '../shapes/objectClasses.js';
import { generateScene } from './generateScene.js';
import type { Scene } from './Scene.js';
import type { SceneObject } from './SceneObject.js';
import type { SceneOptions } from './SceneOptions.js';

const LABEL = Object.fromEntries(objectClasses.map((objectClass, index) => [objectClass.name, index])) as Record<string, number>;

/** The analytic area of each class's silhouette in its unit frame (times radius² in pixels). */
const UNIT_AREA: Record<string, number> = {
  disk: Math.PI,
  square: 1.4 * 1.4,
  triangle: (3 * Math.sqrt(3)) / 4,
  star: 10 * 0.5 * 0.45 * Math.sin(Math.PI / 5),
  cross: 2 * 1.9 * 0.6 - 0.6 * 0.6,
  ring: Math.PI * (1 - 0.36),
  checkerboard: 1.4 * 1.4,
  'dotted-disk': Math.PI,
};

function plain(seed: number, labels: readonly number[], size = 128): Scene {
  return generateScene({ seed, size, labels, clutter: false, noise: 0 });
}

function area(mask: Uint8Array): number {
  let count = 0;
  for (const value of mask) count += value;
  return count;
}

function boxOf(mask: Uint8Array, size: number): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let index = 0; index < mask.length; index += 1) {
    if (mask[index]) {
      xs.push(index % size);
      ys.push(Math.floor(index / size));
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function rgbAt(scene: Scene, index: number): [number, number, number] {
  const data = scene.image.data;
  return [data[index * 3]!, data[index * 3 + 1]!, data[index * 3 + 2]!];
}

/** max − min of a pixel's channels, in 8-bit levels. */
function chroma(scene: Scene, index: number): number {
  const rgb = rgbAt(scene, index);
  return Math.max(...rgb) - Math.min(...rgb);
}

/** Pixels of the mask whose eight neighbours are in the mask too. */
function interior(mask: Uint8Array, size: number): number[] {
  const pixels: number[] = [];
  for (let y = 1; y < size - 1; y += 1) {
    for (let x = 1; x < size - 1; x += 1) {
      let all = true;
      for (let dy = -1; dy <= 1 && all; dy += 1) for (let dx = -1; dx <= 1 && all; dx += 1) all = mask[(y + dy) * size + x + dx] === 1;
      if (all) pixels.push(y * size + x);
    }
  }
  return pixels;
}

/** 1 where a pixel lies more than `distance` pixels (Chebyshev) from every pixel of any mask. */
function farFromMasks(masks: readonly Uint8Array[], size: number, distance: number): Uint8Array {
  const far = new Uint8Array(size * size).fill(1);
  for (const mask of masks) {
    for (let index = 0; index < mask.length; index += 1) {
      if (!mask[index]) continue;
      const [x, y] = [index % size, Math.floor(index / size)];
      for (let dy = -distance; dy <= distance; dy += 1) {
        for (let dx = -distance; dx <= distance; dx += 1) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx >= 0 && ny >= 0 && nx < size && ny < size) far[ny * size + nx] = 0;
        }
      }
    }
  }
  return far;
}

/** The mask by definition for a rotation-invariant class: ≥ 5 of the pixel's 3×3 subsamples inside. */
function expectedRadialMask(object: SceneObject, size: number, inside: (distance: number) => boolean): Uint8Array {
  const mask = new Uint8Array(size * size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < 3; sy += 1) {
        for (let sx = 0; sx < 3; sx += 1) {
          const distance = Math.hypot(x + (sx + 0.5) / 3 - object.center[0], y + (sy + 0.5) / 3 - object.center[1]) / object.radius;
          if (inside(distance)) hits += 1;
        }
      }
      mask[y * size + x] = hits >= 5 ? 1 : 0;
    }
  }
  return mask;
}

function mostFrequent(values: readonly string[]): [string, number] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
}

function expectInvalidArgument(options: SceneOptions, message?: RegExp): void {
  let caught: unknown;
  try {
    generateScene(options);
  } catch (error) {
    caught = error;
  }
  expect(PolycamError.is(caught, 'invalid-argument'), `threw ${String(caught)}`).toBe(true);
  if (message !== undefined) expect((caught as Error).message).toMatch(message);
}

describe('generateScene', () => {
  describe('determinism', () => {
    it('gives byte-identical pixels, masks and geometry for the same options', () => {
      for (const options of [{ seed: 11, labels: [3] }, { seed: 12, size: 96, labels: [2, 7] }, { seed: 0, labels: [5], noise: 0.1 }]) {
        const [first, second] = [generateScene(options), generateScene(options)];
        expect(Buffer.from(second.image.data).equals(Buffer.from(first.image.data))).toBe(true);
        expect(second.objects).toEqual(first.objects);
      }
    });

    it('gives different pixels for a different seed', () => {
      const [a, b] = [generateScene({ seed: 1, labels: [0] }), generateScene({ seed: 2, labels: [0] })];
      expect(Buffer.from(a.image.data).equals(Buffer.from(b.image.data))).toBe(false);
      expect(a.objects[0]!.center).not.toEqual(b.objects[0]!.center);
    });

    it('draws a 128 × 128 RGB image by default, with one full-size mask per object', () => {
      const scene = generateScene({ seed: 3, labels: [1, 4] });
      expect(scene.image).toMatchObject({ height: 128, width: 128, channels: 3 });
      expect(scene.image.data).toHaveLength(128 * 128 * 3);
      expect(scene.objects).toHaveLength(2);
      for (const object of scene.objects) expect(object.mask).toHaveLength(128 * 128);
    });
  });

  describe('object ground truth', () => {
    const seeds = [0, 1, 2, 3, 4, 5];

    it('names each object after its class and keeps the requested label', () => {
      for (let label = 0; label < objectClasses.length; label += 1) {
        const [object] = plain(label, [label], 64).objects;
        expect(object!.label).toBe(label);
        expect(object!.className).toBe(objectClasses[label]!.name);
      }
    });

    it('masks exactly the pixels that a disk or a ring covers at least half of (3×3 subsamples)', () => {
      for (const seed of seeds) {
        const disk = plain(seed, [LABEL.disk!]);
        expect(disk.objects[0]!.mask).toEqual(expectedRadialMask(disk.objects[0]!, 128, (distance) => distance <= 1));
        const ring = plain(seed, [LABEL.ring!]);
        expect(ring.objects[0]!.mask).toEqual(expectedRadialMask(ring.objects[0]!, 128, (distance) => distance <= 1 && distance >= 0.6));
      }
    });

    it("gives every class a mask whose area is the shape's analytic area at the returned radius", () => {
      for (const objectClass of objectClasses) {
        for (const seed of seeds.slice(0, 3)) {
          const [object] = plain(seed, [LABEL[objectClass.name]!]).objects;
          const expected = UNIT_AREA[objectClass.name]! * object!.radius ** 2;
          expect(Math.abs(area(object!.mask) - expected) / expected, `${objectClass.name}, seed ${seed}`).toBeLessThan(0.03);
        }
      }
    });

    it("gives a square's mask the horizontal and vertical extent of the rotated square, 0.7·r·(|cos θ| + |sin θ|)", () => {
      for (let seed = 0; seed < 12; seed += 1) {
        const [object] = plain(seed, [LABEL.square!]).objects;
        const { center, radius, rotation } = object!;
        const extent = 0.7 * radius * (Math.abs(Math.cos(rotation)) + Math.abs(Math.sin(rotation)));
        const [x0, y0, x1, y1] = boxOf(object!.mask, 128);
        for (const measured of [center[0] - x0, x1 + 1 - center[0], center[1] - y0, y1 + 1 - center[1]]) {
          expect(measured - extent, `seed ${seed}`).toBeGreaterThan(-1.25);
          expect(measured - extent, `seed ${seed}`).toBeLessThan(0.75);
        }
      }
    });

    it("keeps a square's corners whole at size 512", () => {
      for (let seed = 0; seed < 4; seed += 1) {
        const [object] = plain(seed, [LABEL.square!], 512).objects;
        const { center, radius, rotation } = object!;
        const extent = 0.7 * radius * (Math.abs(Math.cos(rotation)) + Math.abs(Math.sin(rotation)));
        const [x0, y0, x1, y1] = boxOf(object!.mask, 512);
        for (const measured of [center[0] - x0, x1 + 1 - center[0], center[1] - y0, y1 + 1 - center[1]]) {
          expect(measured - extent, `seed ${seed}`).toBeGreaterThan(-1.25);
        }
      }
    });

    it("paints a plain object's fully covered pixels in one saturated colour that appears nowhere away from it", () => {
      for (const name of ['disk', 'square', 'triangle', 'ring']) {
        for (const seed of seeds.slice(0, 3)) {
          const scene = plain(seed, [LABEL[name]!]);
          const { mask } = scene.objects[0]!;
          const colours = [...mask.keys()].filter((index) => mask[index]).map((index) => rgbAt(scene, index).join(','));
          const [main, count] = mostFrequent(colours);
          const inner = interior(mask, 128);
          expect(inner.length, `${name}, seed ${seed}`).toBeGreaterThan(0.5 * area(mask));
          expect(count).toBeGreaterThanOrEqual(inner.length);
          expect(inner.filter((index) => rgbAt(scene, index).join(',') !== main), `${name}, seed ${seed}`).toEqual([]);
          // Saturation ≥ 0.55 and value ≥ 0.6: chroma ≥ 0.33·255 ≈ 84 levels, less one for rounding.
          expect(chroma(scene, inner[0]!)).toBeGreaterThanOrEqual(83);
          const far = farFromMasks([mask], 128, 1);
          const elsewhere = [...far.keys()].filter((index) => far[index] && rgbAt(scene, index).join(',') === main);
          expect(elsewhere, `${name}, seed ${seed}`).toEqual([]);
        }
      }
    });

    it('shows a second colour inside the textured objects', () => {
      for (const name of ['checkerboard', 'dotted-disk']) {
        for (const seed of seeds.slice(0, 2)) {
          const scene = plain(seed, [LABEL[name]!]);
          const inner = interior(scene.objects[0]!.mask, 128);
          const counts = new Map<string, number>();
          for (const index of inner) counts.set(rgbAt(scene, index).join(','), (counts.get(rgbAt(scene, index).join(',')) ?? 0) + 1);
          const [first, second] = [...counts.values()].sort((a, b) => b - a);
          expect(second, `${name}, seed ${seed}`).toBeGreaterThan(0.05 * inner.length);
          expect(first! + second!).toBeGreaterThan(0.5 * inner.length);
        }
      }
    });

    it('leaves the smooth, muted background untouched more than 2 px away from the masks (no clutter, no noise)', () => {
      for (const [seed, labels] of [[0, [0]], [1, [3]], [2, [4, 6]], [3, [2, 5]], [4, [7]]] as const) {
        const scene = plain(seed, labels);
        const far = farFromMasks(scene.objects.map((object) => object.mask), 128, 2);
        let [checked, mostChroma, largestStep] = [0, 0, 0];
        for (let y = 0; y < 128; y += 1) {
          for (let x = 0; x < 128; x += 1) {
            const index = y * 128 + x;
            if (!far[index]) continue;
            checked += 1;
            mostChroma = Math.max(mostChroma, chroma(scene, index));
            for (const neighbour of [x < 127 && far[index + 1] ? index + 1 : -1, y < 127 && far[index + 128] ? index + 128 : -1]) {
              if (neighbour < 0) continue;
              const [a, b] = [rgbAt(scene, index), rgbAt(scene, neighbour)];
              largestStep = Math.max(largestStep, ...a.map((value, channel) => Math.abs(value - b[channel]!)));
            }
          }
        }
        // Background colours have saturation ≤ 0.35 and value ≤ 0.75: chroma ≤ 0.2625·255 ≈ 67.
        expect(mostChroma, `seed ${seed}`).toBeLessThanOrEqual(68);
        // A gradient and three wide Gaussian blotches (σ ≥ 15 px here) change by a few levels per pixel.
        expect(largestStep, `seed ${seed}`).toBeLessThanOrEqual(8);
        expect(checked).toBeGreaterThan(0.5 * 128 * 128);
      }
    });

    it("returns each mask's bounding box", () => {
      for (const [seed, labels] of [[0, [0]], [1, [3]], [2, [4, 6]], [3, [1, 2]]] as const) {
        for (const scene of [plain(seed, labels), generateScene({ seed, labels })]) {
          for (const object of scene.objects) expect(object.box).toEqual(boxOf(object.mask, 128));
        }
      }
    });

    it('keeps the objects inside the image, clear of its outermost pixels', () => {
      for (const size of [48, 64, 128]) {
        for (let seed = 0; seed < 8; seed += 1) {
          const labels = seed % 2 === 0 ? [seed % 8] : [seed % 8, (seed + 3) % 8];
          for (const object of generateScene({ seed, size, labels }).objects) {
            expect(area(object.mask)).toBeGreaterThan(0);
            const [x0, y0, x1, y1] = boxOf(object.mask, size);
            expect(Math.min(x0, y0), `size ${size}, seed ${seed}`).toBeGreaterThanOrEqual(1);
            expect(Math.max(x1, y1), `size ${size}, seed ${seed}`).toBeLessThanOrEqual(size - 2);
            for (const coordinate of object.center) {
              expect(coordinate - object.radius).toBeGreaterThanOrEqual(0);
              expect(coordinate + object.radius).toBeLessThanOrEqual(size);
            }
          }
        }
      }
    });
  });

  describe('two-object scenes', () => {
    it('draw the two requested classes, in order, with disjoint masks', () => {
      const pairs = [[0, 1], [1, 6], [7, 0], [3, 4], [5, 2], [6, 7]] as const;
      for (const [index, labels] of pairs.entries()) {
        for (const size of [48, 128]) {
          const scene = generateScene({ seed: 100 + index, size, labels });
          expect(scene.objects.map((object) => object.label)).toEqual(labels);
          expect(scene.objects.map((object) => object.className)).toEqual(labels.map((label) => objectClasses[label]!.name));
          const [a, b] = [scene.objects[0]!.mask, scene.objects[1]!.mask];
          expect(area(a)).toBeGreaterThan(0);
          expect(area(b)).toBeGreaterThan(0);
          let overlap = 0;
          for (let pixel = 0; pixel < a.length; pixel += 1) overlap += a[pixel]! & b[pixel]!;
          expect(overlap, `labels ${labels.join(',')}, size ${size}`).toBe(0);
        }
      }
    });
  });

  describe('clutter and noise', () => {
    it('draws sharp-edged clutter away from the objects only when asked', () => {
      for (const seed of [0, 1, 2, 3]) {
        const count = (scene: Scene): number => {
          const far = farFromMasks(scene.objects.map((object) => object.mask), 128, 2);
          let sharp = 0;
          for (let index = 0; index < far.length - 1; index += 1) {
            if (!far[index] || !far[index + 1] || (index + 1) % 128 === 0) continue;
            const [a, b] = [rgbAt(scene, index), rgbAt(scene, index + 1)];
            if (Math.max(...a.map((value, channel) => Math.abs(value - b[channel]!))) > 30) sharp += 1;
          }
          return sharp;
        };
        expect(count(generateScene({ seed, labels: [0], noise: 0 })), `seed ${seed}`).toBeGreaterThan(0);
        expect(count(generateScene({ seed, labels: [0], noise: 0, clutter: false })), `seed ${seed}`).toBe(0);
      }
    });

    it('adds pixel noise with the requested standard deviation', () => {
      for (const noise of [0.03, 0.06]) {
        // On the smooth background, the difference of two horizontal neighbours has variance 2σ².
        let sum = 0;
        let count = 0;
        for (const seed of [0, 1, 2]) {
          const scene = generateScene({ seed, labels: [0], clutter: false, noise });
          const far = farFromMasks([scene.objects[0]!.mask], 128, 2);
          for (let index = 0; index < far.length - 1; index += 1) {
            if (!far[index] || !far[index + 1] || (index + 1) % 128 === 0) continue;
            for (let channel = 0; channel < 3; channel += 1) {
              sum += (scene.image.data[index * 3 + channel]! - scene.image.data[(index + 1) * 3 + channel]!) ** 2;
              count += 1;
            }
          }
        }
        const estimated = Math.sqrt(sum / count / 2) / 255;
        expect(estimated / noise, `noise ${noise}`).toBeGreaterThan(0.95);
        expect(estimated / noise, `noise ${noise}`).toBeLessThan(1.05);
      }
    });
  });

  describe('errors', () => {
    it('rejects a size too small for the objects, naming the size', () => {
      expectInvalidArgument({ seed: 0, size: 32, labels: [0] }, /\b32\b/);
      expectInvalidArgument({ seed: 0, size: 47, labels: [0] }, /\b47\b/);
      expectInvalidArgument({ seed: 0, size: 100.5, labels: [0] }, /100\.5/);
    });

    it('accepts the smallest documented size, 48', () => {
      expect(generateScene({ seed: 0, size: 48, labels: [0, 1] }).image.width).toBe(48);
    });

    it('accepts the largest documented size, 512, and rejects anything larger before allocating it', () => {
      expect(generateScene({ seed: 0, size: 512, labels: [0], clutter: false, noise: 0 }).image.width).toBe(512);
      expectInvalidArgument({ seed: 0, size: 513, labels: [0] }, /at most 512 px, got 513/);
      expectInvalidArgument({ seed: 0, size: 1_000_000, labels: [0] }, /\b1000000\b/);
    });

    it('rejects zero or three labels, two equal labels and labels that are not class indexes', () => {
      expectInvalidArgument({ seed: 0, labels: [] });
      expectInvalidArgument({ seed: 0, labels: [0, 1, 2] });
      expectInvalidArgument({ seed: 0, labels: [2, 2] });
      expectInvalidArgument({ seed: 0, labels: [8] });
      expectInvalidArgument({ seed: 0, labels: [-1] });
      expectInvalidArgument({ seed: 0, labels: [0, 1.5] });
    });

    it('rejects noise outside [0, 1]', () => {
      expectInvalidArgument({ seed: 0, labels: [0], noise: -0.01 }, /-0\.01/);
      expectInvalidArgument({ seed: 0, labels: [0], noise: 1.5 });
      expectInvalidArgument({ seed: 0, labels: [0], noise: Number.NaN });
    });
  });
});
