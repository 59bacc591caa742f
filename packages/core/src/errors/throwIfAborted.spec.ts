import { describe, expect, it } from 'vitest';
import { PolycamError } from './PolycamError.js';
import { throwIfAborted } from './throwIfAborted.js';

describe('throwIfAborted', () => {
  it('does nothing without a signal or with a live one', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
  });

  it('throws an aborted PolycamError carrying the reason once the signal fires', () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    controller.abort(reason);
    let caught: unknown;
    try {
      throwIfAborted(controller.signal);
    } catch (error) {
      caught = error;
    }
    expect(PolycamError.is(caught, 'aborted')).toBe(true);
    expect((caught as PolycamError).cause).toBe(reason);
  });
});
