import { PolycamError, type ImagePixels } from '@polycam/core';
import sharp from 'sharp';
import { checkImageFile } from './checkImageFile.js';
import { maxImagePixels } from './maxImagePixels.js';

/**
 * Decodes an image file (any format sharp reads: PNG, JPEG, WebP, GIF, TIFF, AVIF, SVG) into
 * 8-bit pixels with sharp, as RGB (3 channels) or greyscale (1 channel), at its own size (a 1×1
 * image is one pixel, which the model's resize spreads over its input). As PIL's
 * `convert('RGB')` in the paper's code: alpha is dropped, not blended (a transparent pixel keeps
 * its stored colour), only the first frame of an animated GIF, WebP or multi-page TIFF is read,
 * and no EXIF rotation is applied. What is dropped (transparent pixels, further frames) is
 * reported through `onWarning`, one line each.
 *
 * @param path - The image file.
 * @param channels - 3 for RGB, 1 for greyscale.
 * @param onWarning - Receives a one-line warning for each thing dropped.
 * @returns The decoded pixels.
 * @throws {@link PolycamError} `file-not-found` for a missing or unreadable file,
 *   `invalid-image` for a file that is not a decodable image or has more than
 *   16383² pixels, `invalid-argument` for a channel count other than 1 or 3.
 */
export async function readImage(path: string, channels: number, onWarning: (line: string) => void = () => {}): Promise<ImagePixels> {
  if (channels !== 1 && channels !== 3) {
    throw new PolycamError('invalid-argument', `images can be read as 1 or 3 channels, the model wants ${channels}`);
  }
  await checkImageFile(path);
  try {
    const pipeline = sharp(path, { failOn: 'error', limitInputPixels: maxImagePixels });
    const { hasAlpha, pages = 1 } = await pipeline.metadata();
    if (hasAlpha && !(await pipeline.stats()).isOpaque) {
      onWarning(`'${path}' has transparent pixels: its alpha channel is dropped and they are read as opaque`);
    }
    if (pages > 1) onWarning(`'${path}' has ${pages} frames: only the first is read`);
    const opaque = pipeline.removeAlpha();
    const converted = channels === 1 ? opaque.toColourspace('b-w') : opaque.toColourspace('srgb');
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
