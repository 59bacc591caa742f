import type { Map2D } from '@polycam/core';
import { checkMaskSize } from './checkMaskSize.js';

/**
 * The energy-based pointing game (Wang et al., Score-CAM, 2020): the share of the map's total
 * that lies inside the object's mask, `Σ_mask S / Σ S`. Negative values count as zero; an
 * all-zero map scores 0.
 *
 * @param map - The saliency map, the mask's size.
 * @param mask - The object's mask (non-zero inside).
 * @returns The share, in [0, 1].
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the sizes differ.
 */
export function energyInMask(map: Map2D, mask: Uint8Array): number {
  checkMaskSize(map, mask);
  let inside = 0;
  let total = 0;
  for (let index = 0; index < map.data.length; index += 1) {
    const value = Math.max(map.data[index]!, 0);
    total += value;
    if (mask[index] !== 0) inside += value;
  }
  return total > 0 ? inside / total : 0;
}
