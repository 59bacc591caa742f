import { seededRandom, type Tensor } from '@polycam/core';
import { expect } from 'vitest';

/** `count` seeded random images of `shape`, values in [−2, 2). Shared by the backend's specs. */
export function randomImages(count: number, shape: readonly number[], seed: number): Tensor {
  const random = seededRandom(seed);
  const size = shape.reduce((product, axis) => product * axis, 1);
  return { shape: [count, ...shape], data: Float32Array.from({ length: count * size }, () => random() * 4 - 2) };
}

/** The largest |a − b| over the largest |b|: a relative difference that ignores tiny entries. */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let scale = 1e-6;
  for (let index = 0; index < b.length; index += 1) scale = Math.max(scale, Math.abs(b[index]!));
  let worst = 0;
  for (let index = 0; index < a.length; index += 1) worst = Math.max(worst, Math.abs(a[index]! - b[index]!) / scale);
  return worst;
}
