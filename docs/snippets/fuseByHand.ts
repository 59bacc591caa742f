import { localNormalize, relu, resizeBilinear, saliencyMap, type ExplainResult, type Map2D } from '@polycam/core';

/**
 * Recomputes Poly-CAM's LNorm fusion from an explanation's per-layer CAMs with core's public
 * kernels, one equation per line, to show exactly what `lnorm` computes. The stages run from
 * the deepest layer to the shallowest.
 *
 * @param result - An explanation made with the `lnorm` fusion.
 * @returns The final saliency map, `resize(u(P_1), H×W)`.
 */
export function fuseByHand(result: ExplainResult): Map2D {
  const { height, width } = result.map;
  let fused: Map2D | undefined;
  for (const { cam } of result.stages) {
    if (fused === undefined) {
      fused = { ...cam, data: relu(cam.data) }; // P_L = ReLU(C_L)
      continue;
    }
    const normalized = localNormalize(cam, fused.height, fused.width); // N_l = C_l / max(resize(resize(C_l, size(P_l+1)), size(C_l)), 1e-12)
    const deeper = resizeBilinear(fused, cam.height, cam.width); // resize(P_l+1, size(C_l)), half-pixel centres
    fused = { ...cam, data: relu(normalized.data.map((value, index) => value * deeper.data[index]!)) }; // P_l = ReLU(N_l ⊙ ...)
  }
  return saliencyMap(fused!, height, width); // u(P_1): percentiles 0.1 and 99.9, divided by the upper one
}
