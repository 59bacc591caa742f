/**
 * Converts a batch of images between channels-first and channels-last layouts.
 *
 * @internal
 * @param data - `count` images of `channels × height × width` values.
 * @param count - The number of images.
 * @param channels - Channels per image.
 * @param pixels - `height × width`.
 * @param toChannelsLast - True for NCHW → NHWC, false for NHWC → NCHW.
 * @returns A new array in the other layout.
 */
export function transposeImages(
  data: Float32Array,
  count: number,
  channels: number,
  pixels: number,
  toChannelsLast: boolean,
): Float32Array {
  const output = new Float32Array(count * channels * pixels);
  const imageSize = channels * pixels;
  for (let image = 0; image < count; image += 1) {
    const base = image * imageSize;
    for (let channel = 0; channel < channels; channel += 1) {
      for (let pixel = 0; pixel < pixels; pixel += 1) {
        const planar = base + channel * pixels + pixel;
        const interleaved = base + pixel * channels + channel;
        if (toChannelsLast) output[interleaved] = data[planar]!;
        else output[planar] = data[interleaved]!;
      }
    }
  }
  return output;
}
