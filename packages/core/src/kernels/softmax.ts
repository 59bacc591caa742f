/**
 * The softmax of a vector, `p_k = exp(z_k − max z) / Σ_j exp(z_j − max z)`, in float64 (the
 * maximum is subtracted first, so that large logits stay finite).
 *
 * @param values - The logits z.
 * @returns The probabilities p, summing to 1.
 */
export function softmax(values: ArrayLike<number>): Float64Array {
  let maximum = -Infinity;
  for (let index = 0; index < values.length; index += 1) {
    maximum = Math.max(maximum, values[index]!);
  }
  const exponentials = Float64Array.from(values, (value) => Math.exp(value - maximum));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}
