import { PolycamError } from '@polycam/core';

/**
 * Runs a library call that checks `--class`, and names the flag in a `class-out-of-range`
 * error, so the user reads `--class 4 is out of range: …` rather than the library's `class 4`.
 * Every other error passes through unchanged.
 *
 * @param call - The call, such as `explainer.prepare(request)`.
 * @returns What the call returns.
 * @throws {@link PolycamError} what the call throws, the class error with the flag's name.
 */
export function withClassFlag<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (PolycamError.is(error) && error.kind === 'class-out-of-range') {
      throw new PolycamError('class-out-of-range', `--${error.message}`, { cause: error });
    }
    throw error;
  }
}
