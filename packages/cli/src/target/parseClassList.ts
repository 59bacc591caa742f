import { parseInteger } from '../options/parseInteger.js';

/**
 * Parses `--class`: one class index, or a comma-separated list of them (one per image).
 *
 * @param text - The option's text, such as `3` or `3,5`.
 * @returns The indices.
 * @throws {@link PolycamError} `invalid-argument` for an entry that is not an integer ≥ 0.
 */
export function parseClassList(text: string): number[] {
  return text.split(',').map((entry) => parseInteger('--class', entry.trim(), 0));
}
