import type { ImagePixels } from '@polycam/core';
import sharp from 'sharp';

/**
 * Enlarges an image for display (bilinear, as browsers would), keeping its channel count.
 *
 * @param image - The pixels.
 * @param factor - The integer scale factor.
 * @returns The enlarged pixels.
 */
export async function upscalePixels(image: ImagePixels, factor: number): Promise<ImagePixels> {
  const { data, info } = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: image.channels as 1 | 3 },
  })
    .resize(image.width * factor, image.height * factor, { kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { height: info.height, width: info.width, channels: info.channels, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
