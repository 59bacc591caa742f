import { PolycamError } from '@polycam/core';

/**
 * Parses a comma-separated list of numbers, such as `--mean 0.485,0.456,0.406`.
 *
 * @param flag - The flag, for the message.
 * @param text - The text given.
 * @returns The numbers.
 * @throws {@link PolycamError} `invalid-argument` when an entry is not a finite number.
 */
export function parseNumberList(flag: string, text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const values = parts.map(Number);
  if (parts.some((part) => part === '') || values.some((value) => !Number.isFinite(value))) {
    throw new PolycamError('invalid-argument', `${flag} expects comma-separated numbers such as 0.5,0.5,0.5, got '${text}'`);
  }
  return values;
}
