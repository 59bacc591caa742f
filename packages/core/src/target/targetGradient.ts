import type { TargetFunction } from './TargetFunction.js';

/** Relative step of the central differences used when a target has no analytic gradient. */
const RELATIVE_STEP = 1e-3;

/**
 * The derivative of a target's score with respect to each output entry, `∂s/∂z_k`: the
 * target's own {@link TargetFunction.gradient} when it has one, otherwise central finite
 * differences of its score with a step of `1e-3 · max(1, |z_k|)` (2K score evaluations, no
 * model pass). Backends chain this vector through the model to get layer gradients.
 *
 * @param target - The score being differentiated.
 * @param output - One image's output vector (K values).
 * @returns K derivatives.
 */
export function targetGradient(target: TargetFunction, output: Float32Array): Float32Array {
  if (target.gradient !== undefined) {
    return target.gradient(output);
  }
  const gradient = new Float32Array(output.length);
  const probe = Float32Array.from(output);
  for (let k = 0; k < output.length; k += 1) {
    const original = output[k]!;
    const step = RELATIVE_STEP * Math.max(1, Math.abs(original));
    probe[k] = original + step;
    const above = target.score(probe);
    probe[k] = original - step;
    const below = target.score(probe);
    probe[k] = original;
    gradient[k] = (above - below) / (Math.fround(original + step) - Math.fround(original - step));
  }
  return gradient;
}
