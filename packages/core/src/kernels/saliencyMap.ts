import type { Map2D } from '../tensor/Map2D.js';
import { normalizeMap } from './normalizeMap.js';
import { resizeBilinear } from './resizeBilinear.js';

/**
 * Turns a fused map into the saliency map users see: the authors' normalisation `u` at the map's
 * own size, then a bilinear resize to the input's size, `resize(u(P), H×W)`.
 *
 * Note that `u` clamps at the 99.9th percentile, so the top 0.1% of pixels (and often more) tie
 * at 1.
 *
 * @param fused - A fused map `P_l` (or a single layer's CAM).
 * @param height - The input's height.
 * @param width - The input's width.
 * @returns The saliency map, values in [0, 1].
 */
export function saliencyMap(fused: Map2D, height: number, width: number): Map2D {
  return resizeBilinear({ height: fused.height, width: fused.width, data: normalizeMap(fused.data) }, height, width);
}
