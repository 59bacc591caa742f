import { PolycamError } from '../errors/PolycamError.js';

/**
 * Awaits some work and tells which {@link PolycamError} kind it was rejected with, for concise
 * error-path tests: `expect(await rejectionKindOf(backend.run(request))).toBe('unknown-layer')`.
 *
 * @param work - A promise, or a function returning one (so that a synchronous throw counts too).
 * @returns The error's kind; `'not a PolycamError'` for any other error; undefined when the work
 *   succeeded.
 */
export async function rejectionKindOf(work: Promise<unknown> | (() => Promise<unknown>)): Promise<string | undefined> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return PolycamError.is(error) ? error.kind : 'not a PolycamError';
  }
  return undefined;
}
