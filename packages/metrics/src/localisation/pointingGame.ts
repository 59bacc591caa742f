import type { Map2D } from '@polycam/core';
import { checkMaskSize } from './checkMaskSize.js';

/**
 * The pointing game (Zhang et al., 2016): a hit when the map's maximum lies inside the object's
 * mask. On ties the first maximum in row-major order counts, so the result is reproducible.
 *
 * @param map - The saliency map, the mask's size.
 * @param mask - The object's mask (non-zero inside).
 * @returns True for a hit.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the sizes differ.
 */
export function pointingGame(map: Map2D, mask: Uint8Array): boolean {
  checkMaskSize(map, mask);
  let best = 0;
  for (let index = 1; index < map.data.length; index += 1) {
    if (map.data[index]! > map.data[best]!) best = index;
  }
  return mask[best] !== 0;
}
