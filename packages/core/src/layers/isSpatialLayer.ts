import type { LayerInfo } from '../backend/LayerInfo.js';

/**
 * Tells whether a layer is a spatial map, `[K, h, w]` for one image.
 *
 * @param layer - The layer.
 * @returns True when its per-image shape has three positive axes.
 */
export function isSpatialLayer(layer: LayerInfo): boolean {
  return layer.shape.length === 3 && layer.shape.every((size) => size > 0);
}
