import { PolycamError } from '@polycam/core';

/**
 * Parses a command-line integer option.
 *
 * @param flag - The flag, for the message (such as `--batch-size`).
 * @param text - The text given.
 * @param minimum - The smallest accepted value.
 * @returns The integer.
 * @throws {@link PolycamError} `invalid-argument` when the text is not an integer ≥ `minimum`.
 */
export function parseInteger(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < minimum) {
    throw new PolycamError('invalid-argument', `${flag} expects an integer of at least ${minimum}, got '${text}'`);
  }
  return value;
}
