import { PolycamError } from '../errors/PolycamError.js';

/**
 * Refuses a pass whose output row or score is NaN or ±Inf: such a model would otherwise give
 * an all-zero map and a `null` score without any warning.
 *
 * @param row - The pass's output row.
 * @param score - The target's score of that row.
 * @param pass - The pass, for the message: `the unmasked pass`, `masked pass 3 of layer 'x'`;
 *   or a function that names it, called only when the pass fails, so that a batch loop builds no
 *   message for the passes that succeed.
 * @throws {@link PolycamError} `non-finite-output` naming the value, the class and the pass.
 * @internal
 */
export function checkFiniteOutput(row: Float32Array, score: number, pass: string | (() => string)): void {
  const name = (): string => (typeof pass === 'string' ? pass : pass());
  for (let at = 0; at < row.length; at += 1) {
    if (!Number.isFinite(row[at]!)) {
      throw new PolycamError('non-finite-output', `the model output ${row[at]} for class ${at} on ${name()}`);
    }
  }
  if (!Number.isFinite(score)) {
    throw new PolycamError('non-finite-output', `the model's outputs gave the score ${score} on ${name()}`);
  }
}
