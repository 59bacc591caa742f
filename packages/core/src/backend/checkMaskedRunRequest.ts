import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import type { MaskedRunRequest } from './MaskedRunRequest.js';
import type { ModelDescription } from './ModelDescription.js';

/**
 * Checks a masked run request against a model before any inference, as every
 * {@link MaskedInputRunner.runMasked} must: the signal, then the image `[1, C, H, W]` and the
 * masks `[N, h, w]`.
 *
 * @param description - The model's description, for its `[C, H, W]` input.
 * @param request - One image and N ≥ 1 masks.
 * @param signal - Refused when it has already fired.
 * @returns The masks' count N, height h and width w.
 * @throws {@link PolycamError} `aborted` when the signal has fired, `invalid-argument` for an
 *   image that is not `[1, C, H, W]`, masks that are not `[N, h, w]` with N ≥ 1, or data of
 *   another length than its shape.
 */
export function checkMaskedRunRequest(description: ModelDescription, request: MaskedRunRequest, signal?: AbortSignal): [number, number, number] {
  throwIfAborted(signal);
  const imageShape = description.input.shape;
  const { image, masks } = request;
  const [count, height, width] = masks.shape;
  const sized = (shape: readonly number[], length: number): boolean => shape.reduce((product, axis) => product * axis, 1) === length;
  if (
    image.shape.join() !== [1, ...imageShape].join() ||
    masks.shape.length !== 3 ||
    !(count! >= 1 && height! >= 1 && width! >= 1) ||
    !sized(image.shape, image.data.length) ||
    !sized(masks.shape, masks.data.length)
  ) {
    throw new PolycamError(
      'invalid-argument',
      `masked runs take an image [1,${imageShape.join(',')}] and masks [N,h,w], got [${image.shape.join(',')}] and [${masks.shape.join(',')}]`,
    );
  }
  return [count!, height!, width!];
}
