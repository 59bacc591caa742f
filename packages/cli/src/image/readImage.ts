import { PolycamError, type ImagePixels } from '@polycam/core';
import sharp from 'sharp';
import { checkImageFile } from './checkImageFile.js';
import { maxImagePixels } from './maxImagePixels.js';

/**
 * Decodes an image file (PNG, JPEG, WebP, TIFF, GIF, ...) into 8-bit pixels with sharp, as RGB
 * (3 channels) or greyscale (1 channel). Alpha is dropped; no EXIF rotation is applied, as
 * PIL does not apply it either.
 *
 * @param path - The image file.
 * @param channels - 3 for RGB, 1 for greyscale.
 * @returns The decoded pixels.
 * @throws {@link PolycamError} `file-not-found` for a missing or unreadable file,
 *   `invalid-image` for a file that is not a decodable image or has more than
 *   16383² pixels, `invalid-argument` for a channel
 *   count other than 1 or 3.
 */
export async function readImage(path: string, channels: number): Promise<ImagePixels> {
  if (channels !== 1 && channels !== 3) {
    throw new PolycamError('invalid-argument', `images can be read as 1 or 3 channels, the model wants ${channels}`);
  }
  await checkImageFile(path);
  try {
    const pipeline = sharp(path, { failOn: 'error', limitInputPixels: maxImagePixels }).removeAlpha();
    const converted = channels === 1 ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb');
    const { data, info } = await converted.raw().toBuffer({ resolveWithObject: true });
    return { height: info.height, width: info.width, channels: info.channels, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    const code = (error as NodeJS.ErrnoException).code;
    if (/pixel limit/.test(why ?? '')) {
      const { width, height } = await sharp(path, { limitInputPixels: false }).metadata();
      throw new PolycamError('invalid-image', `image '${path}' has ${width} × ${height} pixels, more than the limit of ${maxImagePixels}`, { cause: error });
    }
    if (code === 'EACCES') {
      throw new PolycamError('file-not-found', `image '${path}' cannot be read: permission denied`, { cause: error });
    }
    throw new PolycamError('invalid-image', `'${path}' is not a readable image (${why})`, { cause: error });
  }
}
