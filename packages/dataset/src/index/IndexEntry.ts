/** One line of a run's `index.jsonl`: a job and how it stands. */
export interface IndexEntry {
  /** The job's key. */
  readonly key: string;
  /** The image's path relative to the input root. */
  readonly image: string;
  /** The configuration's id: the folder its files are in. */
  readonly config: string;
  /** `done`: its result is complete; `failed`: its last run failed; `pending`: it has not run to the end. */
  readonly status: 'done' | 'failed' | 'pending';
  /** Its map, relative to the output folder (done jobs). */
  readonly map?: string;
  /** Its record, relative to the output folder (done jobs). */
  readonly record?: string;
  /** Its overlay, relative to the output folder (done jobs that wrote one). */
  readonly overlay?: string;
  /** Its failure's kind (failed jobs). */
  readonly kind?: string;
  /** Its failure's one-line reason (failed jobs). */
  readonly reason?: string;
}
