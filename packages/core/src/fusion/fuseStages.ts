import { PolycamError } from '../errors/PolycamError.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { Fusion } from './Fusion.js';

/**
 * Fuses given per-layer CAMs with a fusion, as the explainer does: the stages come in forward
 * order and fuse from the last (deepest) one, `P_L = fuse(C_L)`, back to the first, each
 * shallower one with the map fused so far, `P_l = fuse(C_l, P_{l+1})`. Pass an explanation's
 * `stages` to re-fuse its CAMs with another fusion, reusing its weights; pass one stage for
 * that layer's CAM alone. The result is `P_1`, before normalisation: `stageMapOf(fusion, P_1, H, W)`
 * gives the map users see (`saliencyMap(P_1, H, W)` for a fusion with no stage map of its own).
 * Pass the input's size for a fusion at the input's resolution (RefineCAM), as the explainer
 * does; without it, such a fusion fuses at the shallowest CAM's size.
 *
 * @example
 * ```ts
 * const result = await explainer.explain({ backend, input, method: 'pcam±' });
 * const withoutLNorm = saliencyMap(fuseStages(result.stages, new NoLNormFusion()), result.map.height, result.map.width);
 * ```
 *
 * @param stages - The CAMs `C_l` in forward order (shallowest first), such as an explanation's
 *   stages.
 * @param fusion - The fusion to apply.
 * @param input - The input's size, handed to each {@link Fusion.fuse}; optional.
 * @returns The shallowest fused map `P_1`, at the shallowest CAM's size, or at `input`'s for a
 *   fusion at the input's resolution.
 * @throws {@link PolycamError} `invalid-argument` when there is no stage to fuse.
 */
export function fuseStages(stages: readonly { readonly cam: Map2D }[], fusion: Fusion, input?: { readonly height: number; readonly width: number }): Map2D {
  let fused: Map2D | undefined;
  for (let index = stages.length - 1; index >= 0; index -= 1) {
    fused = fusion.fuse(stages[index]!.cam, fused, input);
  }
  if (fused === undefined) {
    throw new PolycamError('invalid-argument', `fusion '${fusion.id}' needs at least one stage to fuse`);
  }
  return fused;
}
