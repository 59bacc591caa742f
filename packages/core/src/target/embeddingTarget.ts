import { PolycamError } from '../errors/PolycamError.js';
import type { TargetFunction } from './TargetFunction.js';

function norm(values: ArrayLike<number>): number {
  let squares = 0;
  for (let index = 0; index < values.length; index += 1) squares += values[index]! * values[index]!;
  return Math.sqrt(squares);
}

function dot(first: ArrayLike<number>, second: ArrayLike<number>): number {
  let total = 0;
  for (let index = 0; index < first.length; index += 1) total += first[index]! * second[index]!;
  return total;
}

/**
 * The cosine similarity between an output `o` (the whole row, flattened) and a reference
 * embedding `r`: `s = ⟨o, r⟩ / (‖o‖ ‖r‖)`, in [−1, 1], computed in float64 and rounded to
 * float32. An all-zero output (a masked image that switches every feature off) scores 0. Its
 * exact gradient is `r / (‖o‖ ‖r‖) − s · o / ‖o‖²` (0 at `o = 0`).
 *
 * @param reference - `r`, as many values as the output has; not all zero.
 * @returns The target.
 * @throws {@link PolycamError} `invalid-argument` when `r` is all zero or not finite.
 */
export function embeddingTarget(reference: Float32Array): TargetFunction {
  const referenceNorm = norm(reference);
  if (!(referenceNorm > 0) || !Number.isFinite(referenceNorm)) {
    throw new PolycamError('invalid-argument', `the embedding target's reference vector has norm ${referenceNorm}; it must be finite and not all zero`);
  }
  const cosine = (output: Float32Array, outputNorm: number): number => (outputNorm === 0 ? 0 : dot(output, reference) / (outputNorm * referenceNorm));
  return {
    label: `cosine similarity to a ${reference.length}-value reference`,
    score: (output) => Math.fround(cosine(output, norm(output))),
    gradient: (output) => {
      const outputNorm = norm(output);
      if (outputNorm === 0) return new Float32Array(output.length);
      const similarity = cosine(output, outputNorm);
      return Float32Array.from(output, (value, index) => reference[index]! / (outputNorm * referenceNorm) - (similarity * value) / (outputNorm * outputNorm));
    },
  };
}
