/**
 * The order in which insertion and deletion switch pixels: by descending saliency, ties broken
 * by ascending pixel index (row-major), so that results are reproducible.
 *
 * @internal
 * @param saliency - The map's values at the input's size, row-major, all finite.
 * @returns The pixel indices in switching order.
 */
export function pixelOrder(saliency: Float32Array): Uint32Array {
  const order = Uint32Array.from({ length: saliency.length }, (_, index) => index);
  return order.sort((left, right) => saliency[right]! - saliency[left]! || left - right);
}
