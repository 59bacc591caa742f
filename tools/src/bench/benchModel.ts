import { seededRandom, type Explainer, type ModelBackend } from '@polycam/core';
import { measure } from './measure.js';
import { median } from './median.js';
import { randomImages } from './randomImages.js';

/** One model's benchmark figures. */
export interface ModelBenchResult {
  /** Images per PCAM± map: the unmasked pass plus the masked passes actually run. */
  readonly passesRun: number;
  /** Masked evaluations answered by exact shortcuts. */
  readonly passesSaved: number;
  /** Median milliseconds per PCAM± map. */
  readonly msPerMap: number;
  /** Median milliseconds for the same number of raw forward passes, batched alike. */
  readonly msRaw: number;
  /** Median of the per-repetition ratios (Poly-CAM time / raw time). */
  readonly ratio: number;
}

/**
 * Measures PCAM± against raw forward passes on one model, side by side: each repetition runs
 * one PCAM± map, then the same number of forward passes in batches of the same size through the
 * same backend, and the ratio of the two is taken per repetition. One raw batch and one map run
 * first, untimed, so that neither side's timings include creating its session.
 *
 * @param explainer - An explainer with the Poly-CAM presets.
 * @param backend - The loaded model.
 * @param repetitions - How many side-by-side repetitions.
 * @param batchSize - The masked-pass batch size.
 * @returns The median figures.
 */
export async function benchModel(
  explainer: Explainer,
  backend: ModelBackend,
  repetitions: number,
  batchSize: number,
): Promise<ModelBenchResult> {
  const random = seededRandom(1);
  const shape = backend.description.input.shape;
  const input = randomImages(1, shape, random);
  const batch = randomImages(batchSize, shape, random);
  // Warm up both sides alike: the raw passes' session and the masked-input session, which the
  // backend creates on the first map (a one-time cost per loaded model, not per map).
  await backend.run({ input: batch });
  await explainer.explain({ backend, input, method: 'pcam±', batchSize });
  const maps: number[] = [];
  const raws: number[] = [];
  let passesRun = 0;
  let passesSaved = 0;
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const explained = await measure(() => explainer.explain({ backend, input, method: 'pcam±', batchSize }));
    passesRun = explained.value.passes.run;
    passesSaved = explained.value.passes.saved;
    const raw = await measure(async () => {
      for (let done = 0; done < passesRun; done += batchSize) {
        const count = Math.min(batchSize, passesRun - done);
        await backend.run({ input: { shape: [count, ...shape], data: batch.data.subarray(0, count * batch.data.length / batchSize) } });
      }
    });
    maps.push(explained.ms);
    raws.push(raw.ms);
  }
  return {
    passesRun,
    passesSaved,
    msPerMap: median(maps),
    msRaw: median(raws),
    ratio: median(maps.map((ms, index) => ms / raws[index]!)),
  };
}
