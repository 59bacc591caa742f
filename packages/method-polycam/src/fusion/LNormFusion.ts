import type { Fusion, Map2D } from '@polycam/core';
import { localNormalize, relu, resizeBilinear } from '@polycam/core/kernels';
import { multiplyRectified } from './multiplyRectified.js';

/**
 * Poly-CAM's fusion with LNorm, the default: from the deepest layer, `P_L = ReLU(C_L)`; then for
 * each shallower layer, `P_l = ReLU(LNorm(C_l) ⊙ resize(P_{l+1}, size(C_l)))`, where
 * `LNorm(C_l) = C_l / max(resize(resize(C_l, size(P_{l+1})), size(C_l)), 1e−12)`.
 */
export class LNormFusion implements Fusion {
  public readonly id = 'lnorm';
  public readonly description = 'LNorm fusion: P_l = ReLU(LNorm(C_l) ⊙ up(P_{l+1}))';

  public fuse(cam: Map2D, deeper: Map2D | undefined): Map2D {
    if (deeper === undefined) {
      return { height: cam.height, width: cam.width, data: relu(cam.data) };
    }
    const normalized = localNormalize(cam, deeper.height, deeper.width);
    return multiplyRectified(normalized, resizeBilinear(deeper, cam.height, cam.width));
  }
}
