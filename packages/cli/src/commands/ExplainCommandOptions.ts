import type { ModelCliOptions } from '../model/ModelCliOptions.js';

/**
 * The raw options of `polycam explain`, as the command line gives them.
 */
export interface ExplainCommandOptions extends ModelCliOptions {
  /** `--method`: a method's id or alias (see `polycam methods`). */
  readonly method: string;
  /** `--class N` or `--class N,M,...` (one per image). */
  readonly class?: string;
  /** `--target KIND:ARGUMENT`. */
  readonly target?: string;
  /** `--classes FILE.csv`: each image's class or target. */
  readonly classes?: string;
  /** `--layers auto|last|NAME,...`; the method's own layers when omitted. */
  readonly layers?: string;
  /** `--batch-size N`. */
  readonly batchSize: string;
  /** `--npz OUT.npz`. */
  readonly npz?: string;
  /** `--out DIR`. */
  readonly out?: string;
  /** `--fusion ID`: any registered fusion (lnorm, no-lnorm, single-layer, a plugin's). */
  readonly fusion?: string;
  /** `--strategy ID`: any registered weighting strategy, overriding the preset's. */
  readonly strategy?: string;
  /** `--max-passes N|P%`: a cap on each map's masked passes. */
  readonly maxPasses?: string;
  /** `--budget-rule ID`: the pass-budget rule that spends a cap below the exact count. */
  readonly budgetRule?: string;
  /** `--score softmax|sigmoid|identity`. */
  readonly score: string;
}
