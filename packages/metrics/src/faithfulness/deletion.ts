import type { Map2D, ModelBackend, Tensor } from '@polycam/core';
import { relevanceCurve } from './relevanceCurve.js';
import type { RelevanceCurveOptions } from './RelevanceCurveOptions.js';
import type { RelevanceCurveResult } from './RelevanceCurveResult.js';

/**
 * The deletion curve (Petsiuk et al., RISE), exactly as the Poly-CAM authors' evaluation runs
 * it: start from the normalised image and replace its pixels with the baseline's (by default a
 * Gaussian blur of the image, kernel 11, σ = 5, reflect padding) by descending saliency, ties
 * broken by ascending pixel index, `⌈H·W / n⌉` pixels per step with all channels of a pixel
 * together. At step t = 1..n the first `min(t·⌈H·W / n⌉, H·W)` pixels come from the baseline;
 * there is no t = 0 point. Each step is scored with the softmax probability of the class `c` (a
 * sigmoid for a single-output model), and the AUC is the mean of the n scores: lower is better.
 *
 * A saliency map smaller than the input, with its aspect ratio ({@link checkSaliencyMap}), is
 * first upsampled bilinearly with half-pixel centres (PyTorch's `align_corners=False`), as the
 * authors' evaluation does; a larger map or one of another aspect is refused. Step images are generated and run one batch at a time.
 *
 * @example
 * ```ts
 * const { auc, scores } = await deletion(backend, input, result.map); // 224 steps, blur baseline
 * ```
 *
 * @param backend - The model.
 * @param input - The normalised image the model takes, `[C, H, W]` or `[1, C, H, W]`.
 * @param saliency - The saliency map, 2-D, finite values.
 * @param options - Steps (224), baseline (`'blur'`), batch size (32), class (the argmax) or target,
 *   cancellation and progress.
 * @returns The class scored, the AUC and the n step scores.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for an input that does not match the model, a
 *   map that {@link checkSaliencyMap} refuses, `steps` that is not a positive integer
 *   no larger than `H·W`, a bad `batchSize` or baseline, or a blur baseline on an image under
 *   6×6; `class-out-of-range` for a bad class; `aborted` when the signal fires;
 *   `backend-failure` when the runtime fails.
 */
export function deletion(
  backend: ModelBackend,
  input: Tensor,
  saliency: Map2D,
  options: RelevanceCurveOptions = {},
): Promise<RelevanceCurveResult> {
  return relevanceCurve('deletion', backend, input, saliency, options);
}
