import { describe, expect, it } from 'vitest';
import { PolycamError } from './PolycamError.js';

describe('PolycamError', () => {
  it('is an Error with a name, a message, a kind and an optional cause', () => {
    const cause = new Error('root');
    const error = new PolycamError('invalid-npz', 'bad archive', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PolycamError');
    expect(error.message).toBe('bad archive');
    expect(error.kind).toBe('invalid-npz');
    expect(error.cause).toBe(cause);
  });

  it('recognises any kind, or one kind, with is()', () => {
    const error = new PolycamError('unknown-layer', 'no such layer');
    expect(PolycamError.is(error)).toBe(true);
    expect(PolycamError.is(error, 'unknown-layer')).toBe(true);
    expect(PolycamError.is(error, 'aborted')).toBe(false);
  });

  it('recognises an error from another copy of the package by name and kind', () => {
    const foreign = Object.assign(new Error('copy'), { name: 'PolycamError', kind: 'aborted' });
    expect(PolycamError.is(foreign)).toBe(true);
    expect(PolycamError.is(foreign, 'aborted')).toBe(true);
    expect(PolycamError.is(foreign, 'invalid-model')).toBe(false);
  });

  it('rejects anything else', () => {
    expect(PolycamError.is(new Error('plain'))).toBe(false);
    expect(PolycamError.is(new RangeError('range'), 'invalid-argument')).toBe(false);
    expect(PolycamError.is(Object.assign(new Error('no kind'), { name: 'PolycamError' }))).toBe(false);
    expect(PolycamError.is({ name: 'PolycamError', kind: 'aborted', message: 'not an Error' })).toBe(false);
    expect(PolycamError.is(undefined)).toBe(false);
    expect(PolycamError.is(null)).toBe(false);
    expect(PolycamError.is('PolycamError')).toBe(false);
  });
});
