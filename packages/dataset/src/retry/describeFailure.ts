import { PolycamError } from '@polycam/core';
import { configurationErrorKinds } from './configurationErrorKinds.js';
import type { JobFailure } from './JobFailure.js';
import { transientErrorKinds } from './transientErrorKinds.js';

/**
 * Classifies a job's error: its kind, its first line, whether it is transient
 * ({@link transientErrorKinds}) and whether it concerns the whole configuration
 * ({@link configurationErrorKinds}).
 *
 * @param error - What the job threw.
 * @returns The failure.
 */
export function describeFailure(error: unknown): JobFailure {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (!PolycamError.is(error)) return { kind: 'internal', reason, transient: false, configuration: false };
  return {
    kind: error.kind,
    reason,
    transient: transientErrorKinds.includes(error.kind),
    configuration: configurationErrorKinds.includes(error.kind),
  };
}
