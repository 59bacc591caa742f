import { saliencyMap } from '../kernels/saliencyMap.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { Fusion } from './Fusion.js';

/**
 * The stage map of a fused map, as the explainer makes it: the fusion's own
 * {@link Fusion.stageMap} when it has one, otherwise `saliencyMap(fused, height, width)`,
 * `resize(u(P), H×W)`. Use it instead of `saliencyMap` after {@link fuseStages} to re-fuse CAMs
 * with any fusion.
 *
 * @param fusion - The fusion that made `fused`.
 * @param fused - A fused map `P_l`.
 * @param height - The input's height.
 * @param width - The input's width.
 * @returns The stage map, `height × width`, values in [0, 1].
 */
export function stageMapOf(fusion: Fusion, fused: Map2D, height: number, width: number): Map2D {
  return fusion.stageMap === undefined ? saliencyMap(fused, height, width) : fusion.stageMap(fused, height, width);
}
