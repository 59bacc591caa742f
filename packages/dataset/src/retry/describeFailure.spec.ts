import { PolycamError } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './describeFailure.js';

describe('describeFailure', () => {
  it('retries runtime and file-system failures only', () => {
    expect(describeFailure(new PolycamError('backend-failure', 'oom'))).toEqual({ kind: 'backend-failure', reason: 'oom', transient: true, configuration: false });
    expect(describeFailure(new PolycamError('output-failure', 'full')).transient).toBe(true);
    expect(describeFailure(new PolycamError('invalid-image', 'bad')).transient).toBe(false);
    expect(describeFailure(new PolycamError('non-finite-output', 'nan')).transient).toBe(false);
  });

  it('tells configuration errors, which every job would hit, from an image’s', () => {
    expect(describeFailure(new PolycamError('unknown-layer', 'x')).configuration).toBe(true);
    expect(describeFailure(new PolycamError('invalid-model', 'x')).configuration).toBe(true);
    expect(describeFailure(new PolycamError('file-not-found', 'x')).configuration).toBe(false);
  });

  it('keeps the first line of anything else, as an internal, permanent failure', () => {
    expect(describeFailure(new TypeError('boom\n    at x'))).toEqual({ kind: 'internal', reason: 'boom', transient: false, configuration: false });
  });
});
