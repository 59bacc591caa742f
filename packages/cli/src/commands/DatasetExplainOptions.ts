import type { ExplainCommandOptions } from './ExplainCommandOptions.js';

/**
 * The raw options of `polycam dataset explain`: every option of `polycam explain` but its
 * outputs (`--npz`, `--out`'s meaning), which travel to the jobs as given, and the run's own.
 */
export interface DatasetExplainOptions extends Omit<ExplainCommandOptions, 'npz' | 'out'> {
  /** `--out DIR`: the results, the index and the failures file. */
  readonly out: string;
  /** `--workers N`: local worker processes (0 with `--redis`: only enqueue and wait). */
  readonly workers?: string;
  /** `--overlay`: also write each map's jet overlay PNG. */
  readonly overlay?: boolean;
  /** `--metrics insertion,deletion,drop-increase`: score each map as soon as it exists. */
  readonly metrics?: string;
  /** `--steps N`: the insertion and deletion curves' steps. */
  readonly steps: string;
  /** `--baseline blur|zero`. */
  readonly baseline: string;
  /** `--retries N`: further runs of a job after a transient failure. */
  readonly retries: string;
  /** `--redis URL`: run the jobs through a BullMQ queue on this Redis. */
  readonly redis?: string;
  /** `--queue NAME`: the queue's name. */
  readonly queue: string;
}
