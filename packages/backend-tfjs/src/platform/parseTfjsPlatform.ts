import { PolycamError } from '@polycam/core';
import type { TfjsPlatform } from './TfjsPlatform.js';
import { tfjsPlatforms } from './tfjsPlatforms.js';

/**
 * Checks a platform name, as given on a command line or in a configuration file.
 *
 * @param name - The name to check.
 * @returns The platform.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a name that is not a {@link TfjsPlatform}.
 */
export function parseTfjsPlatform(name: string): TfjsPlatform {
  const platform = tfjsPlatforms.find((candidate) => candidate === name);
  if (platform === undefined) {
    throw new PolycamError(
      'invalid-argument',
      `unsupported TF.js platform '${name}' (expected ${tfjsPlatforms.join(', ')})`,
    );
  }
  return platform;
}
