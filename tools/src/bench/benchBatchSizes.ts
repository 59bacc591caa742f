import { seededRandom, type Explainer, type ModelBackend } from '@polycam/core';
import { measure } from './measure.js';
import { median } from './median.js';
import { randomImages } from './randomImages.js';

/** One batch size's figures in {@link benchBatchSizes}. */
export interface BatchSizeBenchResult {
  /** The masked-pass batch size. */
  readonly batchSize: number;
  /** Median milliseconds per PCAM± map. */
  readonly msPerMap: number;
  /** Median of the per-repetition ratios to the reference batch size's time. */
  readonly ratio: number;
}

/**
 * Times PCAM± maps of one random image at several batch sizes (the explainer's `batchSize`),
 * side by side: each repetition explains the image once at every batch size in turn, and each
 * time is divided by the reference batch size's time in that same repetition.
 *
 * @param explainer - An explainer with the Poly-CAM presets.
 * @param backend - The loaded model.
 * @param batchSizes - The batch sizes to compare.
 * @param reference - The batch size whose ratio is 1; one of `batchSizes`.
 * @param repetitions - How many side-by-side repetitions.
 * @returns One result per batch size, in order.
 */
export async function benchBatchSizes(
  explainer: Explainer,
  backend: ModelBackend,
  batchSizes: readonly number[],
  reference: number,
  repetitions: number,
): Promise<BatchSizeBenchResult[]> {
  const shape = backend.description.input.shape;
  const input = randomImages(1, shape, seededRandom(3));
  for (const batchSize of batchSizes) {
    // Warm up: let the runtime allocate for this batch size before it is timed.
    await backend.run({ input: randomImages(batchSize, shape, seededRandom(4)) });
  }
  const times = batchSizes.map(() => [] as number[]);
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const [index, batchSize] of batchSizes.entries()) {
      times[index]!.push((await measure(() => explainer.explain({ backend, input, method: 'pcam±', batchSize }))).ms);
    }
  }
  const referenceTimes = times[batchSizes.indexOf(reference)]!;
  return batchSizes.map((batchSize, index) => ({
    batchSize,
    msPerMap: median(times[index]!),
    ratio: median(times[index]!.map((ms, repetition) => ms / referenceTimes[repetition]!)),
  }));
}
