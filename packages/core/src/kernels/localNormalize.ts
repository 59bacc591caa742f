import type { Map2D } from '../tensor/Map2D.js';
import { resizeBilinear } from './resizeBilinear.js';

/** The smallest divisor LNorm allows. */
const EPSILON = 1e-12;

/**
 * LNorm, Poly-CAM's local normalisation: divide a map by its own local average at a coarser
 * scale, `C / max(resize(resize(C, coarse), size(C)), 1e−12)`. Taking the map down to the
 * coarser size and back up is, for a factor-2 size change, 2×2 average pooling followed by
 * bilinear upsampling (the paper's eq. 1).
 *
 * @param map - The finer layer's CAM `C_l`.
 * @param coarseHeight - The height of the coarser fused map `P_{l+1}`.
 * @param coarseWidth - The width of the coarser fused map `P_{l+1}`.
 * @returns A new map of the same size as `map`.
 */
export function localNormalize(map: Map2D, coarseHeight: number, coarseWidth: number): Map2D {
  const coarse = resizeBilinear(map, coarseHeight, coarseWidth);
  const local = resizeBilinear(coarse, map.height, map.width);
  const output = new Float32Array(map.data.length);
  for (let index = 0; index < output.length; index += 1) {
    output[index] = map.data[index]! / Math.max(local.data[index]!, EPSILON);
  }
  return { height: map.height, width: map.width, data: output };
}
