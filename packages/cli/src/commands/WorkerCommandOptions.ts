/** The raw options of `polycam worker`. */
export interface WorkerCommandOptions {
  /** `--redis URL`. */
  readonly redis: string;
  /** `--queue NAME`. */
  readonly queue: string;
  /** `--concurrency N`: jobs at once in this process. */
  readonly concurrency: string;
  /** `--threads N`: runtime threads per job; cores ÷ concurrency by default. */
  readonly threads?: string;
  /** `--stall-ms N`: the job lock's duration, after which a dead worker's job goes to another. */
  readonly stallMs: string;
}
