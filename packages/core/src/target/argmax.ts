/**
 * The index of the largest value (the first one on ties), as `torch.argmax` does.
 *
 * @param values - A non-empty vector.
 * @returns The index of its maximum; NaN values are never chosen unless all are NaN.
 */
export function argmax(values: Float32Array): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (value > bestValue) {
      bestValue = value;
      best = index;
    }
  }
  return best;
}
