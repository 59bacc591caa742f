import type { Tensor } from '@polycam/core';

/**
 * A batch of random images for the bench, values uniform in [-2, 2).
 *
 * @param count - The batch size.
 * @param shape - One image's shape, such as `[3, 224, 224]`.
 * @param random - The source of uniform numbers in [0, 1), such as `seededRandom(1)`.
 * @returns The `[count, ...shape]` tensor.
 */
export function randomImages(count: number, shape: readonly number[], random: () => number): Tensor {
  const size = shape.reduce((product, axis) => product * axis, 1);
  return { shape: [count, ...shape], data: Float32Array.from({ length: count * size }, () => random() * 4 - 2) };
}
