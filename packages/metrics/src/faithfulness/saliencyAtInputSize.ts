import type { Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { checkSaliencyMap } from './checkSaliencyMap.js';

/**
 * Checks a saliency map ({@link checkSaliencyMap}: the input's size, or smaller with its aspect
 * ratio) and brings it to the input's size, as the authors' evaluation does: a smaller map is
 * upsampled bilinearly with half-pixel centres (PyTorch's
 * `F.interpolate(mode='bilinear', align_corners=False)`, no anti-aliasing) to `height × width`.
 *
 * @internal
 * @param height - The input's height `H`.
 * @param width - The input's width `W`.
 * @returns The map at `H × W` (a copy; the argument is never modified).
 * @throws {@link PolycamError} `invalid-argument` for a map that {@link checkSaliencyMap} refuses.
 */
export function saliencyAtInputSize(saliency: Map2D, height: number, width: number): Map2D {
  checkSaliencyMap(saliency, height, width);
  return resizeBilinear(saliency, height, width);
}
