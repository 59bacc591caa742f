import { basename } from 'node:path';
import { PolycamError, type Map2D, type Tensor } from '@polycam/core';

/**
 * Finds an image's map in an npz (keyed by the image's file name, as `polycam explain --npz` and
 * the paper's code write it) and checks it: an `[H, W]` array, or `[1, 1, H, W]` as the paper's
 * PyTorch code writes it, with no NaN or infinite value. Its size is checked against the model's
 * input later, once the model is loaded.
 *
 * @param maps - The npz's arrays.
 * @param imagePath - The image.
 * @param npzPath - The npz, for messages.
 * @returns The map.
 * @throws {@link PolycamError} `invalid-npz` for a missing entry, a wrong rank or non-finite
 *   values.
 */
export function saliencyMapFor(maps: ReadonlyMap<string, Tensor>, imagePath: string, npzPath: string): Map2D {
  const key = basename(imagePath);
  const tensor = maps.get(key);
  if (tensor === undefined) {
    throw new PolycamError('invalid-npz', `'${npzPath}' has no map for '${key}'`);
  }
  const shape = tensor.shape;
  const paperShape = shape.length === 4 && shape[0] === 1 && shape[1] === 1;
  if ((shape.length !== 2 && !paperShape) || shape.slice(-2).some((size) => size < 1)) {
    throw new PolycamError('invalid-npz', `the map for '${key}' has shape [${shape.join(',')}]; an [H,W] or [1,1,H,W] map is expected`);
  }
  if (!tensor.data.every(Number.isFinite)) {
    throw new PolycamError('invalid-npz', `the map for '${key}' holds NaN or infinite values`);
  }
  const [height, width] = shape.slice(-2) as [number, number];
  return { height, width, data: tensor.data };
}
