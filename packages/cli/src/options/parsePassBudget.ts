import { PolycamError, type PassBudget } from '@polycam/core';
import { parseInteger } from './parseInteger.js';

/**
 * Parses `--max-passes`: a number of masked passes (`500`), or a percentage of the exact count
 * (`25%`), resolved after each image's unmasked pass.
 *
 * @param text - The text given.
 * @returns The budget.
 * @throws {@link PolycamError} `invalid-argument` for anything but a positive integer or a
 *   percentage in (0, 100].
 */
export function parsePassBudget(text: string): PassBudget {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (percent === null) return parseInteger('--max-passes', text, 1);
  const fraction = Number(percent[1]) / 100;
  if (!(fraction > 0 && fraction <= 1)) {
    throw new PolycamError('invalid-argument', `--max-passes expects a positive integer or a percentage in (0, 100], got '${text}'`);
  }
  return { fraction };
}
