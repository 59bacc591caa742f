import { PolycamError } from '@polycam/core';
import sharp from 'sharp';
import { checkImageFile } from './checkImageFile.js';
import { maxImagePixels } from './maxImagePixels.js';

/**
 * Checks cheaply, from its header alone, that a file is an image that sharp can read, so that a
 * bad image among many is refused before the first pass without decoding every image up front.
 * A file whose header is sound but whose pixels are cut short still fails later, in `readImage`.
 *
 * @param path - The image file.
 * @returns When the header is readable.
 * @throws {@link PolycamError} `file-not-found` for a missing or unreadable file, `invalid-image`
 *   for a file that is not an image or has more pixels than {@link maxImagePixels}.
 */
export async function checkImageReadable(path: string): Promise<void> {
  await checkImageFile(path);
  let size: { width: number | undefined; height: number | undefined };
  try {
    size = await sharp(path, { failOn: 'error', limitInputPixels: false }).metadata();
    if (size.width === undefined || size.height === undefined) throw new Error('no image size in its header');
  } catch (error) {
    throw new PolycamError('invalid-image', `'${path}' is not a readable image (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  if (size.width! * size.height! > maxImagePixels) {
    throw new PolycamError('invalid-image', `image '${path}' has ${size.width} × ${size.height} pixels, more than the limit of ${maxImagePixels}`);
  }
}
