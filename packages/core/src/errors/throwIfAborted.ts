import { PolycamError } from './PolycamError.js';

/**
 * Throws a polycam `aborted` error when the signal has fired. Strategies and backends call it
 * between units of work so that cancelling stops them promptly.
 *
 * @param signal - The cancellation signal, if any.
 * @throws {@link PolycamError} `aborted` when `signal` is aborted.
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new PolycamError('aborted', 'the explanation was cancelled', { cause: signal.reason });
  }
}
