import { preprocessImage, type Tensor } from '@polycam/core';
import type { ManifestImage } from '@polycam/synthetic';
import { readDatasetImage } from '../dataset/readDatasetImage.js';
import type { ProtocolOptions } from './ProtocolOptions.js';

/**
 * Reads a benchmark image as the model's input, with its objects' masks.
 *
 * @param options - The protocol's images and model.
 * @param item - The manifest's entry.
 * @returns The preprocessed input and the masks, in the manifest's object order.
 */
export async function readModelInput(options: Pick<ProtocolOptions, 'images' | 'model'>, item: ManifestImage): Promise<{ input: Tensor; masks: Uint8Array[] }> {
  const { pixels, objects } = await readDatasetImage(options.images.folder, item);
  const [, height, width] = options.model.inputShape;
  const input = preprocessImage(pixels, { height, width, mean: options.model.mean, std: options.model.std });
  return { input, masks: objects.map((object) => object.mask) };
}
