/**
 * The number of elements of a tensor with this shape.
 *
 * @param shape - The size of each axis.
 * @returns The product of the sizes (1 for a scalar shape `[]`).
 */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const dimension of shape) {
    size *= dimension;
  }
  return size;
}
