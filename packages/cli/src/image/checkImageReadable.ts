import { PolycamError } from '@polycam/core';
import sharp from 'sharp';
import { checkImageFile } from './checkImageFile.js';

/**
 * Checks cheaply, from its header alone, that a file is an image that sharp can read, so that a
 * bad image among many is refused before the first pass without decoding every image up front.
 * A file whose header is sound but whose pixels are cut short still fails later, in `readImage`.
 *
 * @param path - The image file.
 * @returns When the header is readable.
 * @throws {@link PolycamError} `file-not-found` for a missing or unreadable file, `invalid-image`
 *   for a file that is not an image.
 */
export async function checkImageReadable(path: string): Promise<void> {
  await checkImageFile(path);
  try {
    const { width, height } = await sharp(path, { failOn: 'error' }).metadata();
    if (width === undefined || height === undefined) throw new Error('no image size in its header');
  } catch (error) {
    throw new PolycamError('invalid-image', `'${path}' is not a readable image (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
}
