import type { ImagePixels, Map2D } from '@polycam/core';
import { jetColor, resizeBilinear } from '@polycam/core/kernels';
import sharp from 'sharp';

/**
 * Renders a saliency map over its image as a PNG: the map is resized bilinearly to the image's
 * own resolution, coloured with the jet colormap and blended with the image (half each).
 *
 * @param image - The original pixels (1 or 3 channels).
 * @param map - The saliency map, values in [0, 1].
 * @param imageWeight - The image's share of each blended pixel. Default 0.5.
 * @returns The PNG's bytes.
 */
export async function renderOverlay(image: ImagePixels, map: Map2D, imageWeight = 0.5): Promise<Uint8Array> {
  const { height, width, channels } = image;
  const resized = resizeBilinear(map, height, width);
  const pixels = Buffer.alloc(height * width * 3);
  for (let pixel = 0; pixel < height * width; pixel += 1) {
    const colour = jetColor(resized.data[pixel]!);
    for (let channel = 0; channel < 3; channel += 1) {
      const source = image.data[pixel * channels + (channels === 3 ? channel : 0)]!;
      pixels[pixel * 3 + channel] = Math.round(imageWeight * source + (1 - imageWeight) * colour[channel]!);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}
