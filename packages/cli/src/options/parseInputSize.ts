import { PolycamError } from '@polycam/core';
import { parseInteger } from './parseInteger.js';

/**
 * Parses `--input-size H,W` (or `N` for N×N): the height and width at which a model whose input
 * declares them dynamic is run.
 *
 * @param text - The text given.
 * @returns `[height, width]`, each a positive integer.
 * @throws {@link PolycamError} `invalid-argument` for anything but one or two positive integers.
 */
export function parseInputSize(text: string): [number, number] {
  const parts = text.split(',');
  if (parts.length > 2) {
    throw new PolycamError('invalid-argument', `--input-size expects HEIGHT,WIDTH or one size, such as 64,64, got '${text}'`);
  }
  const [height, width = height] = parts.map((part) => parseInteger('--input-size', part, 1));
  return [height!, width!];
}
