import { imagenetStatistics, PolycamError } from '@polycam/core';

/**
 * Picks the normalisation for a model's input: the user's `--mean`/`--std`, or ImageNet's for a
 * 3-channel model. Checks that there is one value per input channel.
 *
 * @param channels - The model's input channels.
 * @param mean - `--mean`, if given.
 * @param std - `--std`, if given.
 * @returns The means and standard deviations to use.
 * @throws {@link PolycamError} `channel-mismatch` when a list does not have one value per
 *   channel (or is missing for a model that is not RGB), `invalid-argument` for a zero or negative std.
 */
export function resolveStatistics(
  channels: number,
  mean: readonly number[] | undefined,
  std: readonly number[] | undefined,
): { mean: readonly number[]; std: readonly number[] } {
  const pick = (flag: string, given: readonly number[] | undefined, fallback: readonly number[]): readonly number[] => {
    const values = given ?? (channels === fallback.length ? fallback : undefined);
    if (values === undefined) {
      throw new PolycamError('channel-mismatch', `the model's input has ${channels} channel${channels === 1 ? '' : 's'}; give ${flag} with ${channels} value${channels === 1 ? '' : 's'}`);
    }
    if (values.length !== channels) {
      throw new PolycamError('channel-mismatch', `${flag} has ${values.length} value${values.length === 1 ? '' : 's'} but the model's input has ${channels} channel${channels === 1 ? '' : 's'}`);
    }
    return values;
  };
  const resolved = { mean: pick('--mean', mean, imagenetStatistics.mean), std: pick('--std', std, imagenetStatistics.std) };
  if (resolved.std.some((value) => value <= 0)) {
    throw new PolycamError('invalid-argument', `--std values must be non-zero and positive, got ${resolved.std.join(',')}`);
  }
  return resolved;
}
