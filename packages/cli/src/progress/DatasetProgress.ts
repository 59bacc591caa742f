/** The one progress bar of a dataset run: jobs done and failed over the total, with rate and ETA. */
export interface DatasetProgress {
  /**
   * Shows the counts.
   *
   * @param done - Jobs complete (those found complete at the start included).
   * @param failed - Jobs finally failed.
   */
  update(done: number, failed: number): void;
  /** Clears the bar. */
  stop(): void;
}
