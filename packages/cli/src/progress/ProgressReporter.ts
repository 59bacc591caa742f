/**
 * Shows the progress of a long job. The CLI draws a bar on a terminal and stays silent
 * otherwise.
 */
export interface ProgressReporter {
  /**
   * Starts a new task.
   *
   * @param label - What is being done, such as the image's name.
   * @param total - The number of units of work.
   */
  start(label: string, total: number): void;
  /**
   * Reports the units done so far in the current task.
   *
   * @param done - Units done.
   */
  update(done: number): void;
  /** Ends the current task and clears the bar. */
  stop(): void;
}
