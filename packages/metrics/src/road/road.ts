import {
  PolycamError,
  scoreInBatches,
  seededRandom,
  throwIfAborted,
  type Map2D,
  type ModelBackend,
  type Tensor,
} from '@polycam/core';
import { imageInput } from '../faithfulness/imageInput.js';
import { imageTarget } from '../faithfulness/imageTarget.js';
import { checkRoadPercentiles } from './checkRoadPercentiles.js';
import { saliencyAtInputSize } from '../faithfulness/saliencyAtInputSize.js';
import { noisyLinearImputation } from './noisyLinearImputation.js';
import type { RoadOptions } from './RoadOptions.js';
import { roadPercentiles } from './roadPercentiles.js';
import { roadRemovalMask } from './roadRemovalMask.js';
import type { RoadResult } from './RoadResult.js';

const mean = (values: Float32Array): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * ROAD, RemOve And Debias (Rong et al., 2022), as pytorch-grad-cam's `ROADMostRelevantFirst`,
 * `ROADLeastRelevantFirst`, their `…Average` over percentiles and `ROADCombined` compute it, for
 * one image and map:
 *
 * - for each percentile p (10, 20, …, 90 by default), remove the pixels {@link roadRemovalMask}
 *   picks: most relevant first, those with `S ≥ percentile(S, p)` (so p is the share kept and
 *   ties at the threshold are removed); least relevant first, the same on `1 − S`;
 * - fill them with {@link noisyLinearImputation}: each removed pixel the weighted mean of its
 *   eight neighbours, one sparse system per channel, plus Gaussian noise (σ 0.01 by default) on
 *   the normalised input, every channel of a pixel removed together;
 * - score the perturbed image with the class's score function (softmax by default), or the
 *   given target bound to the unperturbed image's output, and keep
 *   `s(perturbed) − s(X)` (pytorch-grad-cam's `return_diff=True`);
 * - average over the percentiles: MoRF (lower is better: removing the salient pixels should
 *   hurt), LeRF (higher is better: removing the others should not), and
 *   `combined = (LeRF − MoRF) / 2` (higher is better).
 *
 * A smaller map (with the input's aspect ratio, {@link checkSaliencyMap}) is first upsampled
 * bilinearly with half-pixel centres. Each perturbation's noise comes from its own
 * `seededRandom` stream, derived from `seed` and the perturbation's place in the list (MoRF at
 * each percentile, then LeRF at each), so a seed fixes every score. The unperturbed image and
 * the `2·P` perturbed ones go through the model in batches, each perturbed image imputed as its
 * batch is written. pytorch-grad-cam's `'auto'` percentile (an Otsu threshold) is not offered.
 *
 * @example
 * ```ts
 * const { mostRelevantFirstMean, leastRelevantFirstMean, combined } = await road(backend, input, result.map);
 * ```
 *
 * @param backend - The model.
 * @param input - The normalised image the model takes, `[C, H, W]` or `[1, C, H, W]`.
 * @param saliency - The saliency map, 2-D, finite values.
 * @param options - Percentiles, noise, seed, class or target, score function, batch size, cancellation and progress.
 * @returns The class, the base score, each percentile's differences, their means and the combined score.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for an
 *   input that does not match the model, a map that {@link checkSaliencyMap} refuses, an empty
 *   list or a percentile outside [0, 100], a bad noise, seed, batch size or target, or one that the input's output leaves empty;
 *   `class-out-of-range` for a bad class; `aborted` when the signal fires; `non-finite-output`
 *   and `backend-failure` from the model.
 */
export async function road(backend: ModelBackend, input: Tensor, saliency: Map2D, options: RoadOptions = {}): Promise<RoadResult> {
  const { channels, height, width, data: image } = imageInput(input, backend.description);
  const map = saliencyAtInputSize(saliency, height, width).data;
  const percentiles = [...(options.percentiles ?? roadPercentiles)];
  checkRoadPercentiles(percentiles);
  const { noise = 0.01, seed = 0, batchSize = 32, scoreFunction = 'softmax', signal, onProgress } = options;
  if (!(Number.isFinite(noise) && noise >= 0)) throw new PolycamError('invalid-argument', `the ROAD noise must be a finite number ≥ 0, got ${noise}`);
  if (!Number.isSafeInteger(seed)) throw new PolycamError('invalid-argument', `the ROAD seed must be an integer, got ${seed}`);
  const removals = [
    ...percentiles.map((percentile) => roadRemovalMask(map, percentile, 'most-relevant-first')),
    ...percentiles.map((percentile) => roadRemovalMask(map, percentile, 'least-relevant-first')),
  ];
  const described = backend.description.output;
  const resolved = imageTarget(options, described, scoreFunction);
  throwIfAborted(signal);
  const shape = [1, channels, height, width];
  let target = resolved.fixed;
  if (target === undefined) {
    const { output } = await backend.run({ input: { shape, data: image } }, signal);
    target = resolved.bind(output.data.subarray(0, described.size));
  }
  const total = 1 + removals.length;
  let done = 0;
  const scores = await scoreInBatches(
    { backend, input: { shape, data: image }, target, batchSize, signal, ledger: { run: (count) => onProgress?.((done += count), total) } },
    {
      count: total,
      writeImage: (item, buffer) => {
        if (item === 0) {
          buffer.set(image);
          return;
        }
        const random = seededRandom(((seed >>> 0) ^ Math.imul(item, 0x9e3779b9)) >>> 0);
        buffer.set(noisyLinearImputation(image, { channels, height, width }, removals[item - 1]!, { noise, random }));
      },
      describe: (item) =>
        item === 0
          ? 'the unperturbed image'
          : `ROAD ${item <= percentiles.length ? 'MoRF' : 'LeRF'} at percentile ${percentiles[(item - 1) % percentiles.length]}`,
    },
  );
  const baseScore = scores[0]!;
  const difference = (from: number): Float32Array =>
    Float32Array.from(percentiles, (_, index) => scores[from + index]! - baseScore);
  const mostRelevantFirst = difference(1);
  const leastRelevantFirst = difference(1 + percentiles.length);
  const mostRelevantFirstMean = mean(mostRelevantFirst);
  const leastRelevantFirstMean = mean(leastRelevantFirst);
  return {
    ...(target.classIndex === undefined ? {} : { classIndex: target.classIndex }),
   
    baseScore,
    percentiles,
    mostRelevantFirst,
    leastRelevantFirst,
    mostRelevantFirstMean,
    leastRelevantFirstMean,
    combined: (leastRelevantFirstMean - mostRelevantFirstMean) / 2,
  };
}
