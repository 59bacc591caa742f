import type { Map2D } from '@polycam/core';

/**
 * `ReLU(a ⊙ b)` for two maps of the same size, in float32.
 *
 * @internal
 * @param b - The second map, the same size as `a`.
 */
export function multiplyRectified(a: Map2D, b: Map2D): Map2D {
  const data = new Float32Array(a.data.length);
  for (let index = 0; index < data.length; index += 1) {
    const product = a.data[index]! * b.data[index]!;
    data[index] = product > 0 ? product : 0;
  }
  return { height: a.height, width: a.width, data };
}
