import type { Fusion, Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { minMaxNormalize } from '../masking/minMaxNormalize.js';

/** pytorch-grad-cam's `scale_cam_image` divisor guard: `(x − min) / (1e−7 + max(x − min))`. */
const EPSILON = 1e-7;

/**
 * RefineCAM's fusion ("How to Evaluate and Refine your CAM", arXiv 2605.14641, as
 * pytorch-grad-cam's `RefineCAM` runs it): every layer's CAM is min-max scaled, resized to the
 * input's size and min-max scaled again, the layers' maps are multiplied element-wise, and the
 * product is min-max scaled. With `mm(x) = (x − min x) / (max x − min x + 1e−7)` (in float32, a
 * constant map giving all zeros) and `C_l` the rectified CAMs:
 *
 * `RefineCAM = mm(Π_l mm(resize(mm(C_l), H×W)))`.
 *
 * The inner `mm(C_l)` and the `mm` after the resize are those of pytorch-grad-cam's base CAM on
 * one layer (`scale_cam_image` before its resize, then once more when it aggregates its single
 * layer); its loop that divides each map by its maximum again rebinds the loop variable and
 * changes nothing, so it is left out. Since a bilinear resize is a convex combination, the two
 * scalings amount to `mm(resize(C_l))` up to the ε terms; and since the final `mm` absorbs any
 * per-layer factor, the second scaling matters through its shift, where the resized map's
 * minimum is above 0.
 *
 * The product is taken at the input's resolution, which the explainer passes to
 * {@link RefineCamFusion.fuse}: it is not the same as multiplying at each layer's resolution
 * and resizing afterwards, because a bilinear upsampling by an even factor never reaches an
 * interior extremum of its source, so `mm(resize(C))` differs from `resize(mm(C))`, and a
 * product of resized maps differs from a resized product. From the deepest layer,
 * `P_L = mm(resize(mm(C_L)))` and `P_l = mm(resize(mm(C_l))) ⊙ P_{l+1}`, all at H×W; the
 * stage map is `mm(P_l)`, RefineCAM on the layers from l down, so the shallowest stage is
 * RefineCAM itself. A dead layer (an all-zero or constant CAM) zeroes the product, as in the
 * reference.
 *
 * torchcam's `RefineCAM` differs in three ways: it multiplies at the largest CAM's size unless
 * given a target shape, it scales each CAM once, before resizing it (not again after), and its ε
 * is 1e−8.
 */
export class RefineCamFusion implements Fusion {
  public readonly id = 'refine';
  public readonly description = 'RefineCAM: minmax of the product of minmax(resize(minmax(C_l))) at the input size';

  /**
   * @param cam - The layer's rectified CAM `C_l`.
   * @param deeper - `P_{l+1}`, the product of the deeper layers' scaled maps, or undefined.
   * @param input - The input's size, at which the product is taken; without it (when re-fusing
   *   CAMs with no size), the CAM's own size.
   * @returns `mm(resize(mm(C_l))) ⊙ P_{l+1}` at the input's size (or the CAM's), unnormalised.
   */
  public fuse(cam: Map2D, deeper: Map2D | undefined, input?: { readonly height: number; readonly width: number }): Map2D {
    const { height, width } = input ?? cam;
    const scaled = minMaxNormalize(resizeBilinear({ height: cam.height, width: cam.width, data: minMaxNormalize(cam.data, EPSILON) }, height, width).data, EPSILON);
    if (deeper !== undefined) {
      const below = deeper.height === height && deeper.width === width ? deeper.data : resizeBilinear(deeper, height, width).data;
      scaled.forEach((value, index) => (scaled[index] = value * below[index]!));
    }
    return { height, width, data: scaled };
  }

  /**
   * @param fused - A product `P_l` this fusion returned.
   * @param height - The input's height.
   * @param width - The input's width.
   * @returns `mm(P_l)`, resized to `height × width` when `P_l` is not already that size.
   */
  public stageMap(fused: Map2D, height: number, width: number): Map2D {
    return resizeBilinear({ height: fused.height, width: fused.width, data: minMaxNormalize(fused.data, EPSILON) }, height, width);
  }
}
