/**
 * The logistic sigmoid `1 / (1 + e^−x)`, in float64.
 *
 * @internal
 * @param value - x.
 * @returns σ(x), in (0, 1).
 */
export function logistic(value: number): number {
  return 1 / (1 + Math.exp(-value));
}
