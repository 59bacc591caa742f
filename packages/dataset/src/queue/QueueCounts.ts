/** What a queue holds (see {@link readQueueCounts}). */
export interface QueueCounts {
  /** Jobs by state: waiting, active, delayed (awaiting a retry), completed, failed, ... */
  readonly counts: Readonly<Record<string, number>>;
  /** The most recent failed jobs: the image and the reason, `[kind] one line`. */
  readonly failed: readonly {
    /** The image's path relative to the input root. */
    readonly image: string;
    /** `[kind] one line`. */
    readonly reason: string;
  }[];
}
