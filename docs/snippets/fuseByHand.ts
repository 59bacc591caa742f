import { fuseStages, type ExplainResult, type Fusion, type Map2D } from '@polycam/core';
import { localNormalize, relu, resizeBilinear, saliencyMap } from '@polycam/core/kernels';

/** Poly-CAM's LNorm step written with core's public kernels, one equation per line. */
const lnormByHand: Fusion = {
  id: 'lnorm-by-hand',
  description: 'LNorm, from the equations',
  fuse(cam, deeper) {
    if (deeper === undefined) return { ...cam, data: relu(cam.data) }; // P_L = ReLU(C_L)
    const normalized = localNormalize(cam, deeper.height, deeper.width); // N_l = C_l / max(resize(resize(C_l, size(P_l+1)), size(C_l)), 1e-12)
    const up = resizeBilinear(deeper, cam.height, cam.width); // resize(P_l+1, size(C_l)), half-pixel centres
    return { ...cam, data: relu(normalized.data.map((value, index) => value * up.data[index]!)) }; // P_l = ReLU(N_l ⊙ ...)
  },
};

/**
 * Recomputes Poly-CAM's LNorm fusion from an explanation's per-layer CAMs, to show exactly what
 * `lnorm` computes. `fuseStages` feeds the stages to the fusion from the deepest layer to the
 * shallowest (from the last of `result.stages`, which run in forward order, to the first), as
 * the explainer does.
 *
 * @param result - An explanation made with the `lnorm` fusion.
 * @returns The final saliency map, `resize(u(P_1), H×W)`.
 */
export function fuseByHand(result: ExplainResult): Map2D {
  const { height, width } = result.map;
  return saliencyMap(fuseStages(result.stages, lnormByHand), height, width); // u(P_1): percentiles 0.1 and 99.9, divided by the upper one
}
