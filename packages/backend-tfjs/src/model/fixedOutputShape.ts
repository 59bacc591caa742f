import { PolycamError } from '@polycam/core';

/**
 * The per-image shape of a model's scored output, without its batch axis: `[K]` for a
 * classifier, `[h, w, K]` (or `[K, h, w]`) for a spatial map.
 *
 * @internal
 * @param name - The output's name, for the message.
 * @param shape - Its shape with the batch axis (`null` or −1 when dynamic).
 * @returns The per-image shape.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` unless it has
 *   rank 2 to 4 and fixed per-image axes.
 */
export function fixedOutputShape(name: string, shape: readonly (number | null)[]): number[] {
  const perImage = shape.slice(1);
  if (shape.length < 2 || shape.length > 4 || perImage.some((axis) => axis === null || axis < 1)) {
    throw new PolycamError('invalid-model', `output '${name}' has shape [${shape.join(', ')}], not [batch, ...] with a fixed per-image shape of rank 1 to 3`);
  }
  return perImage as number[];
}
