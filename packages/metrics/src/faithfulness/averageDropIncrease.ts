import { throwIfAborted, type Map2D, type ModelBackend, type Tensor } from '@polycam/core';
import type { AverageDropIncreaseOptions } from './AverageDropIncreaseOptions.js';
import type { AverageDropIncreaseResult } from './AverageDropIncreaseResult.js';
import { imageInput } from './imageInput.js';
import { imageTarget } from './imageTarget.js';
import { saliencyAtInputSize } from './saliencyAtInputSize.js';

/**
 * Grad-CAM++'s Average Drop and Increase in Confidence for one image, as the Poly-CAM authors
 * measure them: `Y = s(X)` and `O = s(X ⊙ M)`, where `s` is the softmax probability of class
 * `c` (or the given target's score, bound to the input's output), `X` the normalised input and `M` the saliency map min-max normalised to [0, 1],
 * `M = (S − min S) / (max S − min S)`, broadcast over the channels; then
 * `drop = max(0, Y − O) / Y` and `increase = O > Y`. Average `drop` and count `increase` over a
 * data set to get the two figures.
 *
 * - A smaller map (with the input's aspect ratio, {@link checkSaliencyMap}) is first upsampled
 *   bilinearly (half-pixel centres) to the input's size, then normalised.
 * - A constant map (max = min) gives `M = 0`: the masked input is all zero, the mean colour.
 * - The authors' code writes the normalisation `S - S.min()/S.max() - S.min()`, an operator
 *   precedence slip that computes `S − min/max − min`. It equals the definition for maps in
 *   [0, 1] with min 0 and max 1, and differs otherwise; this function implements the
 *   definition for every map.
 * - `drop` is 0 when `Y` is 0 (the formula would give 0/0).
 *
 * The two images (the input and the masked input) go through the model in one run of two.
 *
 * @param backend - The model.
 * @param input - The normalised image the model takes, `[C, H, W]` or `[1, C, H, W]`.
 * @param saliency - The saliency map, 2-D, finite values.
 * @param options - The class (the argmax by default) or target, and cancellation.
 * @returns The class , `Y`, `O`, the drop and whether the confidence increased.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for an input that does not match the model or
 *   a map that {@link checkSaliencyMap} refuses, a bad target or one that the input's output leaves empty; `class-out-of-range` for a bad class;
 *   `aborted` when the signal fires; `backend-failure` when the runtime fails.
 */
export async function averageDropIncrease(
  backend: ModelBackend,
  input: Tensor,
  saliency: Map2D,
  options: AverageDropIncreaseOptions = {},
): Promise<AverageDropIncreaseResult> {
  const { channels, height, width, data: image } = imageInput(input, backend.description);
  const map = saliencyAtInputSize(saliency, height, width).data;
  const outputSize = backend.description.output.size;
  const resolved = imageTarget(options, backend.description.output, 'softmax');

  let minimum = Infinity;
  let maximum = -Infinity;
  for (const value of map) {
    minimum = Math.min(minimum, value);
    maximum = Math.max(maximum, value);
  }
  const range = Math.fround(maximum - minimum);
  const pixels = height * width;
  const imageSize = channels * pixels;
  const batch = new Float32Array(2 * imageSize);
  batch.set(image);
  if (range > 0) {
    for (let pixel = 0; pixel < pixels; pixel += 1) {
      const weight = Math.fround(Math.fround(map[pixel]! - minimum) / range);
      for (let channel = 0; channel < channels; channel += 1) {
        const at = channel * pixels + pixel;
        batch[imageSize + at] = image[at]! * weight;
      }
    }
  }

  throwIfAborted(options.signal);
  const { output } = await backend.run({ input: { shape: [2, channels, height, width], data: batch } }, options.signal);
  const target = resolved.fixed ?? resolved.bind(output.data.subarray(0, outputSize));
  const baseScore = target.score(output.data.subarray(0, outputSize));
  const maskedScore = target.score(output.data.subarray(outputSize, 2 * outputSize));
  const drop = baseScore > 0 ? Math.fround(Math.max(0, Math.fround(baseScore - maskedScore)) / baseScore) : 0;
  return { ...(target.classIndex === undefined ? {} : { classIndex: target.classIndex }), baseScore, maskedScore, drop, increase: maskedScore > baseScore };
}
