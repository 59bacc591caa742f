import type { Fusion, Map2D } from '@polycam/core';
import { relu, resizeBilinear } from '@polycam/core/kernels';
import { multiplyRectified } from './multiplyRectified.js';

/**
 * The paper's ablation without local normalisation (Appendix B.2):
 * `P_l = ReLU(C_l ⊙ resize(P_{l+1}, size(C_l)))`.
 */
export class NoLNormFusion implements Fusion {
  public readonly id = 'no-lnorm';
  public readonly description = 'fusion without LNorm (ablation): P_l = ReLU(C_l ⊙ up(P_{l+1}))';

  public fuse(cam: Map2D, deeper: Map2D | undefined): Map2D {
    if (deeper === undefined) {
      return { height: cam.height, width: cam.width, data: relu(cam.data) };
    }
    return multiplyRectified(cam, resizeBilinear(deeper, cam.height, cam.width));
  }
}
