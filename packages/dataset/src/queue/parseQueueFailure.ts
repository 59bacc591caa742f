import type { JobFailure } from '../retry/JobFailure.js';

/**
 * Reads back a failed BullMQ job's reason (see {@link queueFailureReason}); a reason BullMQ
 * wrote itself (a job stalled too often) has the kind `worker-lost`.
 *
 * @param text - The job's `failedReason`.
 * @returns The failure.
 */
export function parseQueueFailure(text: string): JobFailure {
  const match = /^\[([a-z-]+)\] (.*)$/s.exec(text);
  if (match === null) return { kind: 'worker-lost', reason: text, transient: true, configuration: false };
  return { kind: match[1]!, reason: match[2]!, transient: false, configuration: false };
}
