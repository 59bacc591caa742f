import { PolycamError, type ImagePixels } from '@polycam/core';

/**
 * Decodes an image file in the browser into 8-bit pixels at its own size, as `polycam explain`
 * reads it: RGB (or greyscale as the mean of R, G and B for a one-channel model), the alpha
 * channel dropped, no colour-profile conversion, the first frame only.
 *
 * @param blob - The image file.
 * @param channels - 3 for RGB, 1 for greyscale.
 * @param name - The file's name, for messages.
 * @returns The pixels.
 * @throws {@link PolycamError} `invalid-image` when the browser cannot decode it.
 */
export async function decodeImage(blob: Blob, channels: number, name: string): Promise<ImagePixels> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch {
    throw new PolycamError('invalid-image', `'${name}' is not an image this browser can decode`);
  }
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height * channels);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    if (channels === 3) {
      data[pixel * 3] = rgba[pixel * 4]!;
      data[pixel * 3 + 1] = rgba[pixel * 4 + 1]!;
      data[pixel * 3 + 2] = rgba[pixel * 4 + 2]!;
    } else {
      data[pixel] = Math.round((rgba[pixel * 4]! + rgba[pixel * 4 + 1]! + rgba[pixel * 4 + 2]!) / 3);
    }
  }
  return { width, height, channels, data };
}
