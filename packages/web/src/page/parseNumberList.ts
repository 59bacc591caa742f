import { PolycamError } from '@polycam/core';

/**
 * Parses a comma-separated list of numbers from a text field, as `--mean 0.5,0.5,0.5`.
 *
 * @param label - The field's name, for messages.
 * @param text - What the user typed.
 * @param count - How many values are needed (the input's channels).
 * @returns The numbers.
 * @throws {@link PolycamError} `invalid-argument` for a value that is not a finite number, or the wrong count.
 */
export function parseNumberList(label: string, text: string, count: number): number[] {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const values = parts.map(Number);
  if (parts.length === 0 || values.some((value) => !Number.isFinite(value))) {
    throw new PolycamError('invalid-argument', `${label} must be comma-separated numbers, got '${text}'`);
  }
  if (values.length !== count) {
    throw new PolycamError('invalid-argument', `${label} has ${values.length} value${values.length === 1 ? '' : 's'} but the model's input has ${count} channel${count === 1 ? '' : 's'}`);
  }
  return values;
}
