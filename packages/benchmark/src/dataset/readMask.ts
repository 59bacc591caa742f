import { PolycamError } from '@polycam/core';
import sharp from 'sharp';

/**
 * Reads a ground-truth mask image (white object on black) as one 0/1 value per pixel.
 *
 * @param path - The mask's PNG.
 * @returns The mask, its height and its width.
 * @throws {@link PolycamError} `invalid-image` when it cannot be decoded.
 */
export async function readMask(path: string): Promise<{ mask: Uint8Array; height: number; width: number }> {
  try {
    const { data, info } = await sharp(path).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    return { mask: Uint8Array.from(data, (value) => (value >= 128 ? 1 : 0)), height: info.height, width: info.width };
  } catch (error) {
    throw new PolycamError('invalid-image', `mask '${path}' is not a readable image (${(error as Error).message})`, { cause: error });
  }
}
