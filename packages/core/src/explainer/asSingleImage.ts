import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';

/**
 * Checks that a tensor is one image of the model's input size and gives it a batch axis.
 *
 * @internal
 * @param input - `[C, H, W]` or `[1, C, H, W]`.
 * @param description - The model's description.
 * @returns The same data as `[1, C, H, W]`.
 * @throws {@link PolycamError} `invalid-argument` when the shape does not match the model.
 */
export function asSingleImage(input: Tensor, description: ModelDescription): Tensor {
  const expected = description.input.shape;
  const shape = input.shape.length === 4 && input.shape[0] === 1 ? input.shape.slice(1) : input.shape;
  const matches =
    shape.length === 3 &&
    shape.every((size, axis) => size === expected[axis]) &&
    input.data.length === expected[0] * expected[1] * expected[2];
  if (!matches) {
    throw new PolycamError(
      'invalid-argument',
      `the input has shape [${input.shape.join(',')}] but the model takes one image of ` +
        `[${expected.join(',')}] (C,H,W)`,
    );
  }
  return { shape: [1, ...expected], data: input.data };
}
