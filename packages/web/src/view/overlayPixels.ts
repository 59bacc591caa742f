import type { ImagePixels, Map2D } from '@polycam/core';
import { jetColor, resizeBilinear } from '@polycam/core/kernels';

/**
 * The overlay `polycam explain --out` draws, as canvas pixels: the map resized bilinearly to the
 * image's own resolution, coloured with the jet colormap and blended over the image. At opacity
 * 0.5 it is the CLI's overlay pixel for pixel.
 *
 * @param image - The image's pixels (1 or 3 channels).
 * @param map - The saliency map, in [0, 1].
 * @param opacity - The map's share of each pixel, in [0, 1].
 * @returns RGBA pixels at the image's size, for `ImageData`.
 */
export function overlayPixels(image: ImagePixels, map: Map2D, opacity: number): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, channels } = image;
  const resized = resizeBilinear(map, height, width);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const colour = jetColor(resized.data[pixel]!);
    for (let channel = 0; channel < 3; channel += 1) {
      const source = image.data[pixel * channels + (channels === 3 ? channel : 0)]!;
      rgba[pixel * 4 + channel] = Math.round((1 - opacity) * source + opacity * colour[channel]!);
    }
    rgba[pixel * 4 + 3] = 255;
  }
  return rgba;
}
