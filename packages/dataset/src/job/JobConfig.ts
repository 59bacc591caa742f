import type { JobOptionValue } from './JobOptionValue.js';

/**
 * What every job of a dataset run shares: the method, the options of `polycam explain` that it
 * runs with (whatever they are: they travel to the worker as given), and the model, named by its
 * path and identified by its content. {@link configId} hashes all of it but the model's path, so
 * that a changed option or a retrained model is a different job and a moved model file is not.
 */
export interface JobConfig {
  /** The method's id, as `--method` takes it (`pcam±`, `pcam+`, `score-cam`, ...). */
  readonly method: string;
  /**
   * The other explain options by their camel-case names (`layers`, `batchSize`, `class`,
   * `plugin`, ...), as given; execution-only ones such as the thread count are left out.
   */
  readonly options: Readonly<Record<string, JobOptionValue>>;
  /** The model file (absolute), as the workers open it. */
  readonly model: string;
  /** The SHA-256 of the model's content (see {@link modelIdentity}). */
  readonly modelHash: string;
}
