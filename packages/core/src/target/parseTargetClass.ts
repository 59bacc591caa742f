import { PolycamError } from '../errors/PolycamError.js';

/**
 * Reads a class index from a `--target` argument: a non-negative integer written in decimal.
 *
 * @internal
 * @param kind - The target's kind, for the message.
 * @param text - The argument's class part.
 * @returns The class index.
 * @throws {@link PolycamError} `invalid-argument` for anything else.
 */
export function parseTargetClass(kind: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new PolycamError('invalid-argument', `--target ${kind}: expected a class index (a non-negative integer), got '${text}'`);
  }
  return Number(text.trim());
}
