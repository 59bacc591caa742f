import type { ModelBackend } from '../backend/ModelBackend.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { PassLedger } from '../weighting/PassLedger.js';

/**
 * What {@link scoreInBatches} needs to run and score batches. A {@link WeightingContext} or an
 * {@link AttributionContext} is one as it stands.
 */
export interface BatchScoringContext {
  /** The model. */
  readonly backend: ModelBackend;
  /**
   * The image `X`, `[1, C, H, W]`: its shape is each full image's, and the `masked-inputs` path
   * sends it with the masks.
   */
  readonly input: Tensor;
  /** Turns each item's output row into its score. */
  readonly target: TargetFunction;
  /** The most items in one batch, a positive integer. */
  readonly batchSize: number;
  /** Checked before each batch; the backend also receives it. */
  readonly signal?: AbortSignal;
  /** Told `run(n)` after each batch of n items has run. */
  readonly ledger: Pick<PassLedger, 'run'>;
}
