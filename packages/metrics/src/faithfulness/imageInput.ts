import { PolycamError, type ModelDescription, type Tensor } from '@polycam/core';

/**
 * Checks that a tensor is one image of the model's input size and reads its dimensions.
 *
 * @internal
 * @param input - The normalised image, `[C, H, W]` or `[1, C, H, W]`.
 * @param description - The model's description.
 * @returns The image's channels, height, width and values (`C·H·W`, channels first).
 * @throws {@link PolycamError} `invalid-argument` when the shape does not match the model.
 */
export function imageInput(
  input: Tensor,
  description: ModelDescription,
): { channels: number; height: number; width: number; data: Float32Array } {
  const expected = description.input.shape;
  const shape = input.shape.length === 4 && input.shape[0] === 1 ? input.shape.slice(1) : input.shape;
  const [channels, height, width] = expected;
  const matches =
    shape.length === 3 && shape.every((size, axis) => size === expected[axis]) && input.data.length === channels * height * width;
  if (!matches) {
    throw new PolycamError(
      'invalid-argument',
      `the input has shape [${input.shape.join(',')}] but the model takes one image of [${expected.join(',')}] (C,H,W)`,
    );
  }
  return { channels, height, width, data: input.data };
}
