import { seededRandom } from '@polycam/core';
import { errorKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { denseImputation } from './denseImputation.testkit.js';
import { noisyLinearImputation } from './noisyLinearImputation.js';

function randomImage(length: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length }, () => 4 * random() - 2);
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let index = 0; index < a.length; index += 1) largest = Math.max(largest, Math.abs(a[index]! - b[index]!));
  return largest;
}

describe('noisyLinearImputation', () => {
  it('solves the same system as a dense Gaussian elimination, on a 6×6 image with 10 removed pixels, to 1e-6', () => {
    const image = randomImage(2 * 36, 1);
    const removed = new Uint8Array(36);
    // A corner, an edge pair, a diagonal chain and an isolated interior pixel.
    for (const pixel of [0, 4, 5, 14, 15, 21, 22, 28, 33, 35]) removed[pixel] = 1;
    const imputed = noisyLinearImputation(image, { channels: 2, height: 6, width: 6 }, removed, { noise: 0 });
    expect(maxDifference(imputed, denseImputation(image, 2, 6, 6, removed))).toBeLessThan(1e-6);
    for (let index = 0; index < image.length; index += 1) if (!removed[index % 36]) expect(imputed[index]).toBe(image[index]);
  });

  it('agrees with the dense solve where the multigrid levels come in: 40×36, a removed blob touching two borders', () => {
    const [height, width] = [40, 36];
    const image = randomImage(3 * height * width, 2);
    const removed = Uint8Array.from({ length: height * width }, (_, pixel) => {
      const row = Math.floor(pixel / width);
      const column = pixel % width;
      return (row - 8) ** 2 + (column - 26) ** 2 < 150 || (row + column) % 29 === 0 ? 1 : 0;
    });
    expect(removed.reduce((sum, flag) => sum + flag, 0)).toBeGreaterThan(200);
    const imputed = noisyLinearImputation(image, { channels: 3, height, width }, removed, { noise: 0 });
    expect(maxDifference(imputed, denseImputation(image, 3, height, width, removed))).toBeLessThan(1e-6);
  });

  it('keeps a constant image constant, whatever is removed', () => {
    const image = new Float32Array(3 * 100).fill(0.75);
    const removed = Uint8Array.from({ length: 100 }, (_, pixel) => (pixel % 3 === 0 || pixel > 60 ? 1 : 0));
    const imputed = noisyLinearImputation(image, { channels: 3, height: 10, width: 10 }, removed, { noise: 0 });
    expect(maxDifference(imputed, image)).toBeLessThan(1e-6);
  });

  it('reproduces a linear ramp on removed pixels away from the border (the weights are symmetric)', () => {
    const [height, width] = [12, 14];
    const ramp = Float32Array.from({ length: height * width }, (_, pixel) => 0.25 * Math.floor(pixel / width) - 0.125 * (pixel % width) + 1);
    const removed = Uint8Array.from({ length: height * width }, (_, pixel) => {
      const row = Math.floor(pixel / width);
      const column = pixel % width;
      return row >= 3 && row <= 8 && column >= 2 && column <= 10 ? 1 : 0;
    });
    const imputed = noisyLinearImputation(ramp, { channels: 1, height, width }, removed, { noise: 0 });
    expect(maxDifference(imputed, ramp)).toBeLessThan(1e-6);
  });

  it('adds Gaussian noise of the given deviation to the imputed pixels only, reproducibly from the seed', () => {
    const [height, width] = [64, 64];
    const image = new Float32Array(3 * height * width).fill(0.5);
    const removed = Uint8Array.from({ length: height * width }, (_, pixel) => (pixel % 2 === 0 ? 1 : 0));
    const shape = { channels: 3, height, width };
    const first = noisyLinearImputation(image, shape, removed, { noise: 0.2, random: seededRandom(5) });
    const again = noisyLinearImputation(image, shape, removed, { noise: 0.2, random: seededRandom(5) });
    const other = noisyLinearImputation(image, shape, removed, { noise: 0.2, random: seededRandom(6) });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const deviations: number[] = [];
    first.forEach((value, index) => {
      if (removed[index % (height * width)]) deviations.push(value - 0.5);
      else expect(value).toBe(0.5);
    });
    const mean = deviations.reduce((sum, value) => sum + value, 0) / deviations.length;
    const std = Math.sqrt(deviations.reduce((sum, value) => sum + (value - mean) ** 2, 0) / deviations.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(std).toBeGreaterThan(0.19);
    expect(std).toBeLessThan(0.21);
  });

  it('fills an image with every pixel removed with 0, the minimum-norm solution of its singular system, and returns a copy when none is', () => {
    const image = randomImage(2 * 25, 3);
    const shape = { channels: 2, height: 5, width: 5 };
    expect(noisyLinearImputation(image, shape, new Uint8Array(25).fill(1), { noise: 0 })).toEqual(new Float32Array(50));
    const untouched = noisyLinearImputation(image, shape, new Uint8Array(25));
    expect(untouched).toEqual(image);
    expect(untouched).not.toBe(image);
  });

  it('refuses arrays that do not match the shape, and a bad noise or tolerance', () => {
    const shape = { channels: 1, height: 2, width: 2 };
    expect(errorKindOf(() => noisyLinearImputation(new Float32Array(3), shape, new Uint8Array(4)))).toBe('invalid-argument');
    expect(errorKindOf(() => noisyLinearImputation(new Float32Array(4), shape, new Uint8Array(5)))).toBe('invalid-argument');
    expect(errorKindOf(() => noisyLinearImputation(new Float32Array(4), shape, new Uint8Array(4), { noise: -1 }))).toBe('invalid-argument');
    expect(errorKindOf(() => noisyLinearImputation(new Float32Array(4), shape, new Uint8Array(4), { tolerance: 0 }))).toBe('invalid-argument');
  });
});
