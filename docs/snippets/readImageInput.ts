import { preprocessImage, type Tensor } from '@polycam/core';
import sharp from 'sharp';

/**
 * Decodes an image file and turns it into a model input: resized to the model's input size,
 * scaled to [0, 1] and normalised per channel (ImageNet's mean and std unless you give others).
 *
 * @param file - A PNG, JPEG, WebP, ... file.
 * @param size - The model's input height and width.
 * @param statistics - Your model's per-channel mean and std, if not ImageNet's.
 * @returns The `[3, H, W]` float32 input.
 */
export async function readImageInput(
  file: string,
  size: { height: number; width: number },
  statistics: { mean?: readonly number[]; std?: readonly number[] } = {},
): Promise<Tensor> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = { height: info.height, width: info.width, channels: info.channels, data: new Uint8Array(data) };
  return preprocessImage(pixels, { ...size, ...statistics });
}
