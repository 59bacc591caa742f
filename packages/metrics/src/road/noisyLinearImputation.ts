import { PolycamError, seededRandom } from '@polycam/core';
import { gaussianSampler } from './gaussianSampler.js';
import { conjugateGradient } from './conjugateGradient.js';
import { ImputationLevel } from './ImputationLevel.js';
import { roadNeighbourWeights } from './roadNeighbourWeights.js';
import type { NoisyLinearImputationOptions } from './NoisyLinearImputationOptions.js';

/**
 * ROAD's noisy linear imputation (Rong et al., "A Consistent and Efficient Evaluation Strategy
 * for Attribution Methods", 2022), as pytorch-grad-cam's `NoisyLinearImputer` defines it: every
 * removed pixel takes the weighted mean of its neighbours inside the image, the four direct
 * ones weighing 1/6 and the four diagonal ones 1/12, where a neighbour that is itself removed
 * counts with its own imputed value. That is one sparse linear system over all removed pixels,
 * `(Σ_j w_j) x_i − Σ_{j removed} w_j x_j = Σ_{j kept} w_j v_j` (the sums over the in-image
 * neighbours j of pixel i), solved per channel with the same matrix. Gaussian noise of standard
 * deviation `noise` is then added to every imputed value; kept pixels are left as they are.
 *
 * - The matrix is symmetric and weakly diagonally dominant, strictly so on any removed pixel
 *   next to a kept one, so it is positive definite whenever some pixel is kept. It is never
 *   formed: a conjugate-gradient solve in float64 runs on its product, preconditioned by one
 *   symmetric multigrid V-cycle (Gauss–Seidel sweeps on the mask halved again and again), to a
 *   relative residual `‖b − A x‖₂ ≤ tolerance · ‖b‖₂` (1e-9 by default), at most `10·N + 100`
 *   steps for N removed pixels (about 15 on a 128×128 image with 90 % removed).
 *   pytorch-grad-cam solves it directly (scipy's `spsolve`); both give the same solution up to
 *   that tolerance.
 * - Every pixel removed (no kept pixel to impute from): the system is singular, and scipy's
 *   direct solve gives NaN. Here the solve returns its minimum-norm solution, 0, the normalised
 *   image's mean colour, and the noise is added to it.
 * - The noise is drawn channel by channel, pixel by pixel in ascending index, from
 *   `options.random`, so a seeded generator makes the result reproducible (pytorch-grad-cam
 *   draws from torch's global generator).
 *
 * @param image - The image, `C·H·W` values, channels first (the normalised model input).
 * @param shape - Its channels, height and width.
 * @param removed - `H·W` flags, one per pixel: non-zero for a pixel to impute.
 * @param options - The noise, its generator and the solve's tolerance.
 * @returns The imputed image, float32, a new array.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the
 *   arrays do not match the shape, or the noise or the tolerance is not a finite number ≥ 0
 *   (the tolerance > 0).
 */
export function noisyLinearImputation(
  image: Float32Array,
  shape: { readonly channels: number; readonly height: number; readonly width: number },
  removed: Uint8Array,
  options: NoisyLinearImputationOptions = {},
): Float32Array {
  const { channels, height, width } = shape;
  const pixels = height * width;
  if (image.length !== channels * pixels || removed.length !== pixels) {
    throw new PolycamError(
      'invalid-argument',
      `the imputation needs ${channels}·${height}·${width} image values and ${pixels} removal flags, got ${image.length} and ${removed.length}`,
    );
  }
  const noise = options.noise ?? 0.01;
  const tolerance = options.tolerance ?? 1e-9;
  if (!(Number.isFinite(noise) && noise >= 0)) throw new PolycamError('invalid-argument', `the noise must be a finite number ≥ 0, got ${noise}`);
  if (!(Number.isFinite(tolerance) && tolerance > 0)) throw new PolycamError('invalid-argument', `the tolerance must be a finite number > 0, got ${tolerance}`);
  const normal = gaussianSampler(options.random ?? seededRandom(0));

  const result = image.slice();
  const level = new ImputationLevel(removed, height, width);
  const { unknowns, known, weights } = level;
  if (unknowns.length === 0) return result;
  const slots = roadNeighbourWeights.length;
  const rhs = new Float64Array(unknowns.length);
  for (let channel = 0; channel < channels; channel += 1) {
    const plane = channel * pixels;
    for (let unknown = 0; unknown < unknowns.length; unknown += 1) {
      let value = 0;
      for (let at = unknown * slots; at < (unknown + 1) * slots; at += 1) {
        const pixel = known[at]!;
        if (pixel >= 0) value += weights[at]! * image[plane + pixel]!;
      }
      rhs[unknown] = value;
    }
    const solution = conjugateGradient(
      (vector, into) => level.multiply(vector, into),
      (residual, into) => level.precondition(residual, into),
      rhs,
      tolerance,
      10 * unknowns.length + 100,
    );
    unknowns.forEach((pixel, unknown) => (result[plane + pixel] = solution[unknown]! + noise * normal()));
  }
  return result;
}
