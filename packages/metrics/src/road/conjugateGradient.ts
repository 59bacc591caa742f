/**
 * Solves `A x = b` for a symmetric positive definite `A` given only as a product, by the
 * preconditioned conjugate-gradient method in float64, from `x = 0`. It stops once
 * `‖b − A x‖₂ ≤ tolerance · ‖b‖₂` (the recursively updated residual), or after `maxIterations`
 * steps. A zero right-hand side gives `x = 0` at once, which is also the minimum-norm solution
 * when `A` is singular with `b` in its range.
 *
 * @internal
 * @param multiply - Writes `A · vector` into `into`.
 * @param precondition - Writes `M⁻¹ · residual` into `into`, for a symmetric positive definite `M`.
 * @param rhs - `b`.
 * @param tolerance - The relative residual to reach.
 * @param maxIterations - The most steps.
 * @returns `x`.
 */
export function conjugateGradient(
  multiply: (vector: Float64Array, into: Float64Array) => void,
  precondition: (residual: Float64Array, into: Float64Array) => void,
  rhs: Float64Array,
  tolerance: number,
  maxIterations: number,
): Float64Array {
  const size = rhs.length;
  const solution = new Float64Array(size);
  let rhsNorm = 0;
  for (let index = 0; index < size; index += 1) rhsNorm += rhs[index]! * rhs[index]!;
  if (rhsNorm === 0) return solution;
  const limit = tolerance * tolerance * rhsNorm;
  const residual = rhs.slice();
  const preconditioned = new Float64Array(size);
  const product = new Float64Array(size);
  precondition(residual, preconditioned);
  const direction = preconditioned.slice();
  let residualDotPreconditioned = 0;
  for (let index = 0; index < size; index += 1) residualDotPreconditioned += residual[index]! * preconditioned[index]!;
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    multiply(direction, product);
    let curvature = 0;
    for (let index = 0; index < size; index += 1) curvature += direction[index]! * product[index]!;
    if (!(curvature > 0)) break;
    const step = residualDotPreconditioned / curvature;
    let residualNorm = 0;
    for (let index = 0; index < size; index += 1) {
      solution[index]! += step * direction[index]!;
      residual[index]! -= step * product[index]!;
      residualNorm += residual[index]! * residual[index]!;
    }
    if (residualNorm <= limit) break;
    precondition(residual, preconditioned);
    let next = 0;
    for (let index = 0; index < size; index += 1) next += residual[index]! * preconditioned[index]!;
    const ratio = next / residualDotPreconditioned;
    residualDotPreconditioned = next;
    for (let index = 0; index < size; index += 1) direction[index] = preconditioned[index]! + ratio * direction[index]!;
  }
  return solution;
}
