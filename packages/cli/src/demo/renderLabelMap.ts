import type { ImagePixels } from '@polycam/core';
import { jetColor } from '@polycam/core/kernels';
import sharp from 'sharp';

/**
 * Renders a segmentation's predicted labels over their image as a PNG: each pixel labelled as
 * class `k` (label `1 + k` of `classes + 1`) is coloured with the jet colour of `k / (classes − 1)`,
 * blended half and half with the image, and the background keeps the image, dimmed. The labels
 * are enlarged to the image's size by nearest neighbour.
 *
 * @param image - The (display-size) image, 1 or 3 channels.
 * @param labels - One label per pixel of the model's output, row-major; 0 is the background.
 * @param size - The labels' height and width.
 * @param classes - How many object classes there are (labels 1 to `classes`).
 * @returns The PNG's bytes.
 */
export async function renderLabelMap(image: ImagePixels, labels: Uint8Array, size: { readonly height: number; readonly width: number }, classes: number): Promise<Uint8Array> {
  const { height, width, channels } = image;
  const pixels = Buffer.alloc(height * width * 3);
  for (let row = 0; row < height; row += 1) {
    const labelRow = Math.min(size.height - 1, Math.floor((row * size.height) / height));
    for (let column = 0; column < width; column += 1) {
      const pixel = row * width + column;
      const label = labels[labelRow * size.width + Math.min(size.width - 1, Math.floor((column * size.width) / width))]!;
      const colour = label === 0 ? undefined : jetColor(classes > 1 ? (label - 1) / (classes - 1) : 1);
      for (let channel = 0; channel < 3; channel += 1) {
        const source = image.data[pixel * channels + (channels === 3 ? channel : 0)]!;
        pixels[pixel * 3 + channel] = colour === undefined ? Math.round(0.35 * source) : Math.round(0.5 * source + 0.5 * colour[channel]!);
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}
