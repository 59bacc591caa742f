import { tfjsPlatforms, type TfjsPlatform } from '@polycam/backend-tfjs';
import { PolycamError } from '@polycam/core';

/**
 * Checks `--tf-platform`'s value against the TF.js backend's platforms, so that a bad name is
 * refused (`invalid-argument`) before anything is loaded.
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
