import type { Fusion, Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { minMaxNormalize } from '../masking/minMaxNormalize.js';

/**
 * Layer-CAM's fusion of several layers (Jiang et al., IEEE TIP 2021, eq. 9, as torchcam's
 * `LayerCAM.fuse_cams` runs it): each layer's CAM is min-max normalised and scaled by
 * `tanh(γ · C)` (γ = 2 by default), and the layers are combined by their element-wise
 * maximum. From the deepest layer to the shallowest,
 * `P_L = tanh(γ · mm(C_L))` and `P_l = max(tanh(γ · mm(C_l)), resize(P_{l+1}, size(C_l)))`.
 *
 * torchcam upsamples every layer's map straight to the largest size before taking the maximum;
 * this fusion upsamples the running maximum one layer at a time, which differs only by the
 * interpolation of interpolated values. torchcam scales every layer, which the paper ran; the
 * Layer-CAM paper recommends the scaling for shallow layers.
 */
export class LayerCamFusion implements Fusion {
  public readonly id = 'layer-cam-max';
  public readonly description = 'Layer-CAM: max over layers of tanh(γ · minmax(C_l))';
  readonly #gamma: number;

  /**
   * @param gamma - The scaling factor γ; 2 as in the paper.
   */
  public constructor(gamma = 2) {
    this.#gamma = gamma;
  }

  public fuse(cam: Map2D, deeper: Map2D | undefined): Map2D {
    const scaled = minMaxNormalize(cam.data).map((value) => Math.tanh(this.#gamma * value));
    if (deeper !== undefined) {
      const upsampled = resizeBilinear(deeper, cam.height, cam.width).data;
      scaled.forEach((value, index) => (scaled[index] = Math.max(value, upsampled[index]!)));
    }
    return { height: cam.height, width: cam.width, data: scaled };
  }
}
