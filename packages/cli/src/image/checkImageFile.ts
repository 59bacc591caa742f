import { stat } from 'node:fs/promises';
import { PolycamError } from '@polycam/core';
import { readFailureReason } from '../input/readFailureReason.js';

/**
 * Checks that an image path names a file that exists and can be read, before any decoding.
 *
 * @param path - The image file.
 * @returns When it is a file.
 * @throws {@link PolycamError} `file-not-found` for a missing path, a folder or an unreadable file.
 */
export async function checkImageFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new PolycamError('file-not-found', `image '${path}' is not a file`);
    }
  } catch (error) {
    if (PolycamError.is(error)) throw error;
    throw new PolycamError('file-not-found', `image '${path}' ${readFailureReason(error)}`, { cause: error });
  }
}
