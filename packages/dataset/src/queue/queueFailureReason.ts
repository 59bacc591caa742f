import type { JobFailure } from '../retry/JobFailure.js';

/**
 * The reason a failed BullMQ job carries: `[kind] one line`, so that `dataset status` shows it
 * as is and the enqueuer reads the kind back for its failures file.
 *
 * @param failure - The failure.
 * @returns The text.
 */
export function queueFailureReason(failure: Pick<JobFailure, 'kind' | 'reason'>): string {
  return `[${failure.kind}] ${failure.reason}`;
}
