import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import type { RunResult } from '../backend/RunResult.js';
import { shapeSize } from '../tensor/shapeSize.js';
import type { BatchScoringContext } from './BatchScoringContext.js';
import type { ScoringJobs } from './ScoringJobs.js';
import { checkFiniteOutput } from './checkFiniteOutput.js';

/**
 * The one batch-scoring loop: fills a batch of at most `batchSize` items, runs it, scores each
 * item with the target and reports the batch to the ledger, until every item is scored.
 *
 * - Memory: one buffer of `min(batchSize, count)` items is allocated and reused for every
 *   batch, whatever the item count.
 * - Cancellation: the signal is checked before each batch and passed to the backend.
 * - The `masked-inputs` path: when the jobs give {@link ScoringJobs.masks} and the backend has a
 *   {@link MaskedInputRunner}, each batch goes as low-resolution masks through `runMasked`;
 *   otherwise as full images through `run`. Both give the same scores.
 *
 * Jobs from several sources (several layers' masks, say) can share one stream by giving one
 * {@link ScoringJobs} whose index ranges map to each source; the masked path then needs their
 * masks to have one size.
 *
 * @param context - The backend, the image, the target, the batch size, the signal and the
 *   ledger; a {@link WeightingContext} or an {@link AttributionContext} will do.
 * @param jobs - The items, how to write each, and an optional per-item score callback.
 * @returns Each item's score, rounded to float32, in item order.
 * @throws {@link PolycamError} `invalid-argument` for a batch size that is not a positive
 *   integer, `non-finite-output` for an output or score that is NaN or ±Inf (naming the pass
 *   with {@link ScoringJobs.describe}), `aborted` when the signal fires, and whatever the
 *   backend throws.
 */
export async function scoreInBatches(context: BatchScoringContext, jobs: ScoringJobs): Promise<Float32Array> {
  const { backend, input, target, batchSize, signal, ledger } = context;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new PolycamError('invalid-argument', `batchSize must be a positive integer, got ${batchSize}`);
  }
  const { count, masks } = jobs;
  const runner = masks === undefined ? undefined : backend.maskedInputs;
  const imageShape = input.shape.slice(1);
  const perItem = runner && masks ? masks.height * masks.width : shapeSize(imageShape);
  const buffer = new Float32Array(Math.min(batchSize, count) * perItem);
  const { size: outputSize, shape: outputShape } = backend.description.output;
  const scores = new Float32Array(count);
  for (let first = 0; first < count; first += batchSize) {
    throwIfAborted(signal);
    const size = Math.min(batchSize, count - first);
    const batch = buffer.subarray(0, size * perItem);
    for (let slot = 0; slot < size; slot += 1) {
      const item = batch.subarray(slot * perItem, (slot + 1) * perItem);
      if (runner && masks) masks.write(first + slot, item, slot);
      else jobs.writeImage(first + slot, item, slot);
    }
    const result: RunResult =
      runner && masks
        ? await runner.runMasked({ image: input, masks: { shape: [size, masks.height, masks.width], data: batch } }, signal)
        : await backend.run({ input: { shape: [size, ...imageShape], data: batch } }, signal);
    for (let slot = 0; slot < size; slot += 1) {
      const row = result.output.data.subarray(slot * outputSize, (slot + 1) * outputSize);
      const score = target.score(row);
      const item = first + slot;
      checkFiniteOutput(row, score, () => jobs.describe?.(item) ?? `masked pass ${item + 1} of ${count}`, outputShape);
      scores[first + slot] = score;
      jobs.scored?.(first + slot, score, slot);
    }
    ledger.run(size);
  }
  return scores;
}
