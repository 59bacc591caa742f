import type { PolycamErrorKind } from '@polycam/core';

/**
 * The error kinds that say the run's configuration is wrong rather than one image: every job
 * would fail the same way (an unknown method or layer, a corrupt model, a class out of range, a
 * bad option value, a plugin that breaks its contract). The one-machine runner stops the whole
 * run at the first of them with that one line, instead of failing every job.
 */
export const configurationErrorKinds: readonly PolycamErrorKind[] = [
  'invalid-argument',
  'invalid-plugin',
  'invalid-model',
  'unknown-layer',
  'no-spatial-layer',
  'class-out-of-range',
  'channel-mismatch',
  'unknown-method',
  'unsupported-capability',
];
