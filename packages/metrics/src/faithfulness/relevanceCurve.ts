import {
  PolycamError,
  scoreInBatches,
  throwIfAborted,
  type Map2D,
  type ModelBackend,
  type Tensor,
} from '@polycam/core';
import { baselineImage } from './baselineImage.js';
import { checkBaseline } from './checkBaseline.js';
import { imageInput } from './imageInput.js';
import { imageTarget } from './imageTarget.js';
import { pixelOrder } from './pixelOrder.js';
import type { RelevanceCurveOptions } from './RelevanceCurveOptions.js';
import type { RelevanceCurveResult } from './RelevanceCurveResult.js';
import { saliencyAtInputSize } from './saliencyAtInputSize.js';

function checkPositiveInteger(name: string, value: number, maximum?: { value: number; what: string }): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new PolycamError('invalid-argument', `${name} must be a positive integer, got ${value}`);
  }
  if (maximum !== undefined && value > maximum.value) {
    throw new PolycamError('invalid-argument', `${name} must be at most ${maximum.what} (${maximum.value}), got ${value}`);
  }
}

/**
 * The one curve behind {@link insertion} and {@link deletion}, Petsiuk et al.'s protocol as the
 * Poly-CAM authors ran it. The pixels are taken by descending saliency (ties by ascending
 * index) and switched `⌈H·W / n⌉` at a time, all channels of a pixel together, from `start`
 * towards `finish`: at step t = 1..n the first `min(t·⌈H·W / n⌉, H·W)` pixels of the order hold
 * `finish`'s values and the others `start`'s. Each step is scored with the softmax probability
 * of the class (or with the given target, bound to the image's output); the AUC is the mean of the n scores.
 *
 * Step images are built one batch at a time into one reused buffer, so memory holds at most
 * `batchSize` images whatever `n` is.
 *
 * @internal
 * @param mode - `insertion` goes from the baseline to the image, `deletion` from the image to
 *   the baseline.
 * @param input - The normalised image, `[C, H, W]` or `[1, C, H, W]`.
 * @param saliency - The saliency map; upsampled bilinearly to `H × W` when smaller.
 * @param options - Steps, baseline, batch size, class or target, cancellation and progress.
 * @returns The class , the AUC and the n step scores.
 * @throws {@link PolycamError} `invalid-argument` for a bad input shape, map, steps, batch size
 *   or baseline, a bad target or one that the image's output leaves empty; `class-out-of-range` for a bad class; `aborted`; `backend-failure`.
 */
export async function relevanceCurve(
  mode: 'insertion' | 'deletion',
  backend: ModelBackend,
  input: Tensor,
  saliency: Map2D,
  options: RelevanceCurveOptions = {},
): Promise<RelevanceCurveResult> {
  const { channels, height, width, data: image } = imageInput(input, backend.description);
  const pixels = height * width;
  const steps = options.steps ?? 224;
  checkPositiveInteger('steps', steps, { value: pixels, what: 'the number of pixels H·W' });
  const batchSize = options.batchSize ?? 32;
  checkPositiveInteger('batchSize', batchSize);
  const baseline = options.baseline ?? 'blur';
  checkBaseline(baseline);
  const map = saliencyAtInputSize(saliency, height, width);
  const described = backend.description.output;
  const resolved = imageTarget(options, described, 'softmax');
  let target = resolved.fixed;
  const reference = baselineImage(image, channels, height, width, baseline);
  const order = pixelOrder(map.data);

  const { signal, onProgress } = options;
  throwIfAborted(signal);
  if (target === undefined) {
    const { output } = await backend.run({ input: { shape: [1, channels, height, width], data: image } }, signal);
    target = resolved.bind(output.data.subarray(0, described.size));
  }

  const [start, finish] = mode === 'insertion' ? [reference, image] : [image, reference];
  const pixelsPerStep = Math.ceil(pixels / steps);
  const current = start.slice();
  let switched = 0;
  let done = 0;
  const scores = await scoreInBatches(
    {
      backend,
      input: { shape: [1, channels, height, width], data: image },
      target,
      batchSize,
      signal,
      ledger: { run: (count) => onProgress?.((done += count), steps) },
    },
    {
      count: steps,
      // Steps are written in order, so each one switches only the pixels added since the last.
      writeImage: (step, stepImage) => {
        const until = Math.min((step + 1) * pixelsPerStep, pixels);
        for (; switched < until; switched += 1) {
          const pixel = order[switched]!;
          for (let channel = 0; channel < channels; channel += 1) {
            const at = channel * pixels + pixel;
            current[at] = finish[at]!;
          }
        }
        stepImage.set(current);
      },
    },
  );
  let total = 0;
  for (const score of scores) total += score;
  return { ...(target.classIndex === undefined ? {} : { classIndex: target.classIndex }), auc: total / steps, scores };
}
