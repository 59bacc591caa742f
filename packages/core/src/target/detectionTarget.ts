import { argmax } from './argmax.js';
import type { DetectionTargetOptions } from './DetectionTargetOptions.js';
import type { TargetFunction } from './TargetFunction.js';


/** The overlap of a row's box with the reference, and the parts its derivative needs. */
interface Overlap {
  readonly iou: number;
  readonly width: number;
  readonly height: number;
  readonly union: number;
}

function overlap(output: Float32Array, at: number, [X1, Y1, X2, Y2]: DetectionTargetOptions['box']): Overlap {
  const [x1, y1, x2, y2] = [output[at]!, output[at + 1]!, output[at + 2]!, output[at + 3]!];
  const width = Math.min(x2, X2) - Math.max(x1, X1);
  const height = Math.min(y2, Y2) - Math.max(y1, Y1);
  const intersection = width > 0 && height > 0 ? width * height : 0;
  const union = (x2 - x1) * (y2 - y1) + (X2 - X1) * (Y2 - Y1) - intersection;
  return { iou: union > 0 ? intersection / union : 0, width, height, union };
}

/**
 * The score of one box, as pytorch-grad-cam's `FasterRCNNBoxScoreTarget` scores detections,
 * on an output of `B` rows `(x1, y1, x2, y2, score_0, …, score_{K−1})` (per-image shape
 * `[B, 4 + K]`, row-major): the row whose box has the highest IoU with the reference box (the
 * first on ties) counts when that IoU exceeds the threshold and its class, the argmax of its K
 * scores, is `c`; the score is then `IoU + score_c` of that row, else 0. IoU is
 * `|A ∩ R| / (|A| + |R| − |A ∩ R|)` with areas `(x2 − x1)(y2 − y1)`, 0 when the union is not
 * positive. Rounded to float32. The exact gradient (where the matched row and its class do not
 * change) is that of `IoU + score_c` along the matched row's entries, and 0 when nothing counts.
 *
 * @param classIndex - The class `c`, in `[0, K)`.
 * @param box - The reference box `(x1, y1, x2, y2)`.
 * @param iouThreshold - The IoU to exceed.
 * @param classes - K, the scores per row.
 * @returns The target.
 */
export function detectionTarget(classIndex: number, box: DetectionTargetOptions['box'], iouThreshold: number, classes: number): TargetFunction {
  const stride = 4 + classes;
  /** The counted row's start and overlap, or undefined when nothing counts. */
  const match = (output: Float32Array): { at: number; overlap: Overlap } | undefined => {
    let best: { at: number; overlap: Overlap } | undefined;
    for (let at = 0; at + stride <= output.length; at += stride) {
      const candidate = overlap(output, at, box);
      if (best === undefined || candidate.iou > best.overlap.iou) best = { at, overlap: candidate };
    }
    if (best === undefined || !(best.overlap.iou > iouThreshold)) return undefined;
    return argmax(output.subarray(best.at + 4, best.at + stride)) === classIndex ? best : undefined;
  };
  return {
    classIndex,
    label: `detection[${classIndex}] at (${box.join(', ')}), IoU > ${iouThreshold}`,
    score: (output) => {
      const found = match(output);
      return found === undefined ? 0 : Math.fround(found.overlap.iou + output[found.at + 4 + classIndex]!);
    },
    gradient: (output) => {
      const gradient = new Float32Array(output.length);
      const found = match(output);
      if (found === undefined) return gradient;
      const { at } = found;
      const { iou, width, height, union } = found.overlap;
      const [x1, y1, x2, y2] = [output[at]!, output[at + 1]!, output[at + 2]!, output[at + 3]!];
      const [X1, Y1, X2, Y2] = box;
      const intersection = iou * union;
      // ∂I/∂(x1, y1, x2, y2): the intersection's sides move with the box's only where its edge is the inner one.
      const dIntersection = [x1 > X1 ? -height : 0, y1 > Y1 ? -width : 0, x2 < X2 ? height : 0, y2 < Y2 ? width : 0];
      const dArea = [-(y2 - y1), -(x2 - x1), y2 - y1, x2 - x1];
      for (let side = 0; side < 4; side += 1) {
        // IoU = I / U with U = A + R − I: ∂IoU = (∂I · (U + I) − I · ∂A) / U².
        gradient[at + side] = (dIntersection[side]! * (union + intersection) - intersection * dArea[side]!) / (union * union);
      }
      gradient[at + 4 + classIndex] = 1;
      return gradient;
    },
  };
}
