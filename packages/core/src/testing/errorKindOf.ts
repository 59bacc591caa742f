import { PolycamError } from '../errors/PolycamError.js';

/**
 * Runs an action and tells which {@link PolycamError} kind it threw, for concise error-path
 * tests: `expect(errorKindOf(() => parse('x'))).toBe('invalid-argument')`.
 *
 * @param action - The code to run.
 * @returns The error's kind; `'not a PolycamError'` for any other error; undefined when nothing
 *   was thrown.
 */
export function errorKindOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return PolycamError.is(error) ? error.kind : 'not a PolycamError';
  }
  return undefined;
}
