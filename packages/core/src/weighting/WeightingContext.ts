import type { ModelBackend } from '../backend/ModelBackend.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { PassLedger } from './PassLedger.js';

/**
 * Everything a weighting strategy gets to weigh one layer's channels. It belongs to one
 * explanation and is not kept after it.
 */
export interface WeightingContext {
  /** The model. */
  readonly backend: ModelBackend;
  /** The preprocessed image being explained, `[1, C, H, W]`. */
  readonly input: Tensor;
  /** The layer's tensor name. */
  readonly layer: string;
  /** The layer's activation on the unmasked image, `[K, h, w]`. */
  readonly activation: Tensor;
  /** The score being explained. */
  readonly target: TargetFunction;
  /** `s(X)`, the target score of the unmasked image, already computed. */
  readonly baseScore: number;
  /** The most images to send to the backend in one run. */
  readonly batchSize: number;
  /** Fires when the explanation is cancelled; stop and throw `aborted`. */
  readonly signal: AbortSignal;
  /** Where the strategy reports each evaluation as run or saved. */
  readonly ledger: PassLedger;
}
