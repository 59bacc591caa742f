import { basename, join } from 'node:path';
import { PolycamError } from '@polycam/core';
import type { ManifestImage } from '@polycam/synthetic';
import sharp from 'sharp';
import type { DatasetImage } from './DatasetImage.js';
import { readMask } from './readMask.js';

/**
 * Reads one image of a synthetic-benchmark folder as RGB pixels (alpha dropped, as the CLI reads
 * images), with its objects' masks.
 *
 * @param folder - The folder that holds the manifest.
 * @param item - The manifest's entry for the image.
 * @returns The image and its objects.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-image` when the image or a mask cannot be decoded.
 */
export async function readDatasetImage(folder: string, item: ManifestImage): Promise<DatasetImage> {
  const objects = [];
  for (const object of item.objects) {
    objects.push({ label: object.label, className: object.className, mask: (await readMask(join(folder, object.mask))).mask });
  }
  const path = join(folder, item.file);
  try {
    const { data, info } = await sharp(path, { failOn: 'error' }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const pixels = { height: info.height, width: info.width, channels: info.channels, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
    return { name: basename(item.file), pixels, objects };
  } catch (error) {
    throw new PolycamError('invalid-image', `'${path}' is not a readable image (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
}
