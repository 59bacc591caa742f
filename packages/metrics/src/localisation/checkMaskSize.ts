import { PolycamError, type Map2D } from '@polycam/core';

/**
 * Checks that a ground-truth mask covers the saliency map pixel for pixel.
 *
 * @internal
 * @param mask - The mask, row-major, one value per pixel.
 * @throws {@link PolycamError} `invalid-argument` when the map is empty or the sizes differ.
 */
export function checkMaskSize(map: Map2D, mask: Uint8Array): void {
  if (map.data.length === 0) {
    throw new PolycamError('invalid-argument', 'the saliency map is empty');
  }
  if (mask.length !== map.height * map.width) {
    throw new PolycamError(
      'invalid-argument',
      `the mask has ${mask.length} pixels but the map is ${map.height}×${map.width}; resize the map to the mask first`,
    );
  }
}
