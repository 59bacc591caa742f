/** Why a job failed, as the failures file, the index and the queue report it. */
export interface JobFailure {
  /** The `PolycamError` kind, `worker-lost` for a worker process that died, `internal` otherwise. */
  readonly kind: string;
  /** One line that names the problem. */
  readonly reason: string;
  /** Whether running it again may succeed (see {@link transientErrorKinds}). */
  readonly transient: boolean;
  /** Whether it concerns the whole configuration (see {@link configurationErrorKinds}). */
  readonly configuration: boolean;
}
