import type { JobOutcome } from '../execute/JobOutcome.js';

/**
 * A message from a worker process to the pool: ready for work, a job's outcome, or a job handed
 * back unfinished because the worker was told to stop.
 */
export type FromWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'outcome'; readonly outcome: JobOutcome }
  | { readonly type: 'handed-back'; readonly key: string };
