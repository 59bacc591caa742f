import { PolycamError } from '@polycam/core';
import { gaussianBlur } from '@polycam/core/kernels';
import type { RelevanceBaseline } from './RelevanceBaseline.js';

/**
 * Builds the baseline image of the insertion and deletion curves in the normalised space.
 *
 * @internal
 * @param image - The normalised image, `C·H·W` values, channels first.
 * @param channels - `C`.
 * @param height - `H`.
 * @param width - `W`.
 * @param baseline - Which baseline, already checked by `checkBaseline`.
 * @returns A new `C·H·W` array.
 * @throws {@link PolycamError} `invalid-argument` for a blur baseline on an image of 5 pixels
 *   or fewer along an axis (torch's reflect padding of 5 needs more).
 */
export function baselineImage(
  image: Float32Array,
  channels: number,
  height: number,
  width: number,
  baseline: RelevanceBaseline,
): Float32Array {
  const output = new Float32Array(channels * height * width);
  if (baseline === 'zero') return output;
  if (baseline !== 'blur') return output.fill(baseline.constant);
  const plane = height * width;
  for (let channel = 0; channel < channels; channel += 1) {
    const source = image.subarray(channel * plane, (channel + 1) * plane);
    try {
      output.set(gaussianBlur({ height, width, data: source }).data, channel * plane);
    } catch (error) {
      if (!PolycamError.is(error)) throw error;
      throw new PolycamError('invalid-argument', `the blur baseline cannot be built: ${error.message}; use the 'zero' or a constant baseline`, {
        cause: error,
      });
    }
  }
  return output;
}
