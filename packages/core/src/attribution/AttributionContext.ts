import type { ModelBackend } from '../backend/ModelBackend.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { PassLedger } from '../weighting/PassLedger.js';

/**
 * Everything an {@link AttributionMethod} gets to explain one image. It belongs to one
 * explanation and is not kept after it.
 */
export interface AttributionContext {
  /** The model. */
  readonly backend: ModelBackend;
  /** The preprocessed image being explained, `[1, C, H, W]`. */
  readonly input: Tensor;
  /** The score being explained. */
  readonly target: TargetFunction;
  /** `s(X)`, the target score of the unmasked image, already computed. */
  readonly baseScore: number;
  /** The most images to send to the backend in one run. */
  readonly batchSize: number;
  /** Fires when the explanation is cancelled; stop and throw `aborted`. */
  readonly signal: AbortSignal;
  /** Where the method reports each planned evaluation as run or saved. */
  readonly ledger: PassLedger;
}
