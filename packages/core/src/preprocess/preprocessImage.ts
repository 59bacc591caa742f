import { PolycamError } from '../errors/PolycamError.js';
import { resizeBilinear } from '../kernels/resizeBilinear.js';
import { resizeBilinearAntialiased } from '../kernels/resizeBilinearAntialiased.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { ImagePixels } from './ImagePixels.js';
import { imagenetStatistics } from './imagenetStatistics.js';
import type { PreprocessOptions } from './PreprocessOptions.js';

function checkStatistics(name: string, values: readonly number[], channels: number): void {
  if (values.length !== channels) {
    throw new PolycamError(
      'channel-mismatch',
      `${name} has ${values.length} value${values.length === 1 ? '' : 's'} but the model's input has ${channels} channel${channels === 1 ? '' : 's'}`,
    );
  }
  if (values.some((value) => !Number.isFinite(value)) || (name === 'std' && values.some((value) => value <= 0))) {
    throw new PolycamError('invalid-argument', `${name} values must be finite${name === 'std' ? ' and positive' : ''}, got ${values.join(',')}`);
  }
}

/**
 * Turns decoded pixels into a model input `[C, H, W]`, as torchvision's
 * `ToTensor → Resize → Normalize` does: scale to [0, 1] in float32, resize bilinearly to the
 * model's size (anti-aliased when shrinking; not resampled at all when already that size), then
 * `(x − mean) / std` per channel.
 *
 * @param image - The decoded pixels; the channel count must match the means and stds.
 * @param options - The model's size and the normalisation.
 * @returns The normalised input, `[C, H, W]`.
 * @throws {@link PolycamError} `channel-mismatch` when mean or std do not match the channels,
 *   `invalid-argument` for a non-finite statistic or a std that is not positive.
 */
export function preprocessImage(image: ImagePixels, options: PreprocessOptions): Tensor {
  const channels = image.channels;
  const mean = options.mean ?? imagenetStatistics.mean;
  const std = options.std ?? imagenetStatistics.std;
  checkStatistics('mean', mean, channels);
  checkStatistics('std', std, channels);
  const resize = options.antialias === false ? resizeBilinear : resizeBilinearAntialiased;
  const { height, width } = options;
  const output = new Float32Array(channels * height * width);
  const sourcePlane = new Float32Array(image.height * image.width);
  for (let channel = 0; channel < channels; channel += 1) {
    for (let pixel = 0; pixel < sourcePlane.length; pixel += 1) {
      sourcePlane[pixel] = image.data[pixel * channels + channel]! / 255;
    }
    const plane = resize({ height: image.height, width: image.width, data: sourcePlane }, height, width);
    const channelMean = Math.fround(mean[channel]!);
    const channelStd = Math.fround(std[channel]!);
    const offset = channel * height * width;
    for (let pixel = 0; pixel < plane.data.length; pixel += 1) {
      output[offset + pixel] = Math.fround(plane.data[pixel]! - channelMean) / channelStd;
    }
  }
  return { shape: [channels, height, width], data: output };
}
