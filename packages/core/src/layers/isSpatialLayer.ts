import type { LayerInfo } from '../backend/LayerInfo.js';

/**
 * Tells whether a layer is a spatial map, `[K, h, w]` for one image, with more than one
 * position: a 1×1 map (such as a global pooling's output) cannot localise anything.
 *
 * @param layer - The layer.
 * @returns True when its per-image shape has three positive axes and `h · w > 1`.
 */
export function isSpatialLayer(layer: LayerInfo): boolean {
  const [channels, height, width] = layer.shape;
  return layer.shape.length === 3 && channels! > 0 && height! > 0 && width! > 0 && height! * width! > 1;
}
