/** A running queue worker (see {@link startQueueWorker}). */
export interface QueueWorker {
  /**
   * Stops taking jobs, lets the jobs in hand finish (or, with `force`, drops them: their locks
   * expire and the queue hands them to another worker), then releases the model and Redis.
   *
   * @param force - Whether to leave the jobs in hand instead of finishing them.
   * @returns When the worker has stopped.
   */
  stop(force?: boolean): Promise<void>;
}
