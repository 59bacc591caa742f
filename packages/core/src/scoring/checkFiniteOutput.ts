import { PolycamError } from '../errors/PolycamError.js';

/** Where entry `at` of a row of this shape sits: `class 3` in a vector, `[2, 10, 7]` otherwise. */
function entryName(at: number, shape: readonly number[] | undefined): string {
  if (shape === undefined || shape.filter((dimension) => dimension !== 1).length <= 1) return `for class ${at}`;
  const index: number[] = [];
  let rest = at;
  for (let axis = shape.length - 1; axis >= 0; axis -= 1) {
    index.unshift(rest % shape[axis]!);
    rest = Math.floor(rest / shape[axis]!);
  }
  return `at [${index.join(', ')}] of its [${shape.join(', ')}] output`;
}

/**
 * Refuses a pass whose output row or score is NaN or ±Inf: such a model would otherwise give
 * an all-zero map and a `null` score without any warning.
 *
 * @param row - The pass's output row.
 * @param score - The target's score of that row.
 * @param pass - The pass, for the message: `the unmasked pass`, `masked pass 3 of layer 'x'`;
 *   or a function that names it, called only when the pass fails, so that a batch loop builds no
 *   message for the passes that succeed.
 * @param shape - The row's per-image shape, to name a bad entry by its index (`at [2, 10, 7]`)
 *   rather than as a class when the output is not a vector; a vector when absent.
 * @throws {@link PolycamError} `non-finite-output` naming the value, its class or index, and the pass.
 * @internal
 */
export function checkFiniteOutput(row: Float32Array, score: number, pass: string | (() => string), shape?: readonly number[]): void {
  const name = (): string => (typeof pass === 'string' ? pass : pass());
  for (let at = 0; at < row.length; at += 1) {
    if (!Number.isFinite(row[at]!)) {
      throw new PolycamError('non-finite-output', `the model output ${row[at]} ${entryName(at, shape)} on ${name()}`);
    }
  }
  if (!Number.isFinite(score)) {
    throw new PolycamError('non-finite-output', `the model's outputs gave the score ${score} on ${name()}`);
  }
}
