import type { Explainer, ModelBackend } from '@polycam/core';
import { benchBatchSizes } from './benchBatchSizes.js';

/** The batch sizes the bench compares, and the default they are compared with. */
const BATCH_SIZES = [16, 32, 64, 128];
const DEFAULT_BATCH_SIZE = 32;

/**
 * Times PCAM± maps at batch sizes 16, 32, 64 and 128 on one model, side by side, and formats them
 * as rows of the bench's batch-size table: model, batch size, milliseconds per map, and the
 * ratio to the default batch size (32).
 *
 * @param explainer - An explainer with the Poly-CAM presets.
 * @param backend - The loaded model.
 * @param name - The model's name in the table.
 * @param repetitions - How many side-by-side repetitions.
 * @returns One row per batch size.
 */
export async function batchSizeRows(explainer: Explainer, backend: ModelBackend, name: string, repetitions: number): Promise<string[][]> {
  const results = await benchBatchSizes(explainer, backend, BATCH_SIZES, DEFAULT_BATCH_SIZE, repetitions);
  return results.map((result) => [name, String(result.batchSize), result.msPerMap.toFixed(0), result.ratio.toFixed(3)]);
}
