import { PolycamError } from '../errors/PolycamError.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { Tensor } from '../tensor/Tensor.js';

/**
 * The element-wise weighted sum of a layer's channels, `Σ_k W_k ⊙ A^k`, where every activation
 * element has its own weight (Layer-CAM's form). Like {@link weightedChannelSum} it skips every
 * NaN term, as numpy's `nansum` does, and accumulates in double precision.
 *
 * @param activation - One image's activation, shape `[K, h, w]`.
 * @param weights - One weight per element, K·h·w values in the activation's order.
 * @returns The `h × w` sum (not rectified).
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the shapes disagree.
 */
export function weightedElementSum(activation: Tensor, weights: Float32Array): Map2D {
  const [channels, height, width] = activation.shape;
  if (activation.shape.length !== 3 || weights.length !== activation.data.length) {
    throw new PolycamError(
      'invalid-argument',
      `element-wise weighted sum needs a [K,h,w] activation and K·h·w weights; got shape ` +
        `[${activation.shape.join(',')}] and ${weights.length} weights`,
    );
  }
  const planeSize = height! * width!;
  const sum = new Float64Array(planeSize);
  for (let channel = 0; channel < channels!; channel += 1) {
    const offset = channel * planeSize;
    for (let index = 0; index < planeSize; index += 1) {
      const term = weights[offset + index]! * activation.data[offset + index]!;
      if (term === term) {
        sum[index]! += term;
      }
    }
  }
  return { height: height!, width: width!, data: Float32Array.from(sum) };
}
