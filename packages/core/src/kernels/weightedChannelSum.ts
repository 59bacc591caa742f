import { PolycamError } from '../errors/PolycamError.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { Tensor } from '../tensor/Tensor.js';

/**
 * The weighted sum of a layer's channels, `Σ_k w_k · A^k`, skipping every term that is NaN as
 * the authors' `nansum` does. Sums are accumulated in double precision.
 *
 * @param activation - One image's activation, shape `[K, h, w]`.
 * @param weights - One weight per channel (`K` values).
 * @returns The `h × w` sum (not rectified).
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the shapes disagree.
 */
export function weightedChannelSum(activation: Tensor, weights: Float32Array): Map2D {
  const [channels, height, width] = activation.shape;
  if (activation.shape.length !== 3 || channels !== weights.length) {
    throw new PolycamError(
      'invalid-argument',
      `weighted channel sum needs a [K,h,w] activation and K weights; got shape ` +
        `[${activation.shape.join(',')}] and ${weights.length} weights`,
    );
  }
  const planeSize = height! * width!;
  const sum = new Float64Array(planeSize);
  for (let channel = 0; channel < channels; channel += 1) {
    const weight = weights[channel]!;
    if (weight === 0) {
      continue; // 0 · a adds nothing unless a is ±Inf or NaN, which nansum would skip anyway
    }
    const offset = channel * planeSize;
    for (let index = 0; index < planeSize; index += 1) {
      const term = weight * activation.data[offset + index]!;
      if (term === term) {
        sum[index]! += term;
      }
    }
  }
  return { height: height!, width: width!, data: Float32Array.from(sum) };
}
