import type { JobOutcome } from '../execute/JobOutcome.js';
import type { DatasetJobData } from '../job/DatasetJobData.js';

/** Options of {@link runLocalPool}. */
export interface LocalPoolOptions {
  /** The jobs to run (the incomplete ones: the pool does not check). */
  readonly jobs: readonly DatasetJobData[];
  /** How many worker processes. */
  readonly workers: number;
  /** The worker processes' module: a script that calls {@link serveLocalWorker}. */
  readonly workerModule: string;
  /** Its command-line arguments (such as a thread count). */
  readonly workerArgs?: readonly string[];
  /** Runs of a job before its transient failure is final. Default 3. */
  readonly maxAttempts?: number;
  /** Stops the pool: the jobs in hand are cancelled and left to a later run. */
  readonly signal?: AbortSignal;
  /**
   * Told of each final outcome (done, already complete, or failed after its last attempt).
   *
   * @param outcome - The outcome.
   */
  readonly onOutcome?: (outcome: JobOutcome) => void;
  /**
   * Told of each line a worker writes on its standard error (warnings).
   *
   * @param line - The line.
   */
  readonly onWorkerLine?: (line: string) => void;
}
