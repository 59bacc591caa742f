import { PolycamError, type ScoreFunction } from '@polycam/core';

const choices: readonly ScoreFunction[] = ['softmax', 'sigmoid', 'identity'];

/**
 * Parses `--score`.
 *
 * @param text - The text given.
 * @returns The score function.
 * @throws {@link PolycamError} `invalid-argument` for anything but softmax, sigmoid or identity.
 */
export function parseScoreFunction(text: string): ScoreFunction {
  const found = choices.find((choice) => choice === text);
  if (found === undefined) {
    throw new PolycamError('invalid-argument', `--score expects softmax, sigmoid or identity, got '${text}'`);
  }
  return found;
}
