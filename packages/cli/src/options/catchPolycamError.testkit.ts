// Spec helper: runs a function that should throw and returns the error, for checking its kind
// and message. Specs only; production code must not import this file.
import { PolycamError } from '@polycam/core';

/**
 * Calls `fn` and returns the {@link PolycamError} it throws.
 *
 * @param fn - A call expected to throw.
 * @returns The error.
 * @throws Error when `fn` returns, or throws something other than a PolycamError.
 */
export function catchPolycamError(fn: () => unknown): PolycamError {
  try {
    fn();
  } catch (error) {
    if (PolycamError.is(error)) return error;
    throw new Error(`expected a PolycamError, got ${String(error)}`);
  }
  throw new Error('expected a PolycamError, but nothing was thrown');
}
