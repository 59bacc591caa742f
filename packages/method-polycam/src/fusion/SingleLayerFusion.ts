import type { Fusion, Map2D } from '@polycam/core';

/**
 * The paper's single-layer ablation (Appendix B.1, "CAM+/−/±"): no fusion at all; each stage is
 * its own layer's CAM, `resize(u(C_l), H×W)`. With several layers, the final map is the
 * shallowest layer's; pick one layer to get a classic single-layer CAM.
 */
export class SingleLayerFusion implements Fusion {
  public readonly id = 'single-layer';
  public readonly description = 'no fusion (ablation): each stage is its own layer\'s CAM';

  /** Returns `C_l` itself, copied; the deeper map is ignored. */
  public fuse(cam: Map2D): Map2D {
    return { height: cam.height, width: cam.width, data: cam.data.slice() };
  }
}
