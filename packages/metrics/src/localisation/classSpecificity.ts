import type { Map2D } from '@polycam/core';
import { energyInMask } from './energyInMask.js';

/**
 * Class-specificity on an image with two objects of different classes: the share of one class's
 * map that falls on its own object and on the other object. A class-specific map puts its
 * energy on its own object (`own > other`).
 *
 * @param map - The map explaining one object's class, the masks' size.
 * @param ownMask - That object's mask.
 * @param otherMask - The other object's mask.
 * @returns The two energy shares, each in [0, 1].
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the sizes differ.
 */
export function classSpecificity(map: Map2D, ownMask: Uint8Array, otherMask: Uint8Array): {
  /** The share of the map's energy on its own object, in [0, 1]. */
  own: number;
  /** The share of the map's energy on the other object, in [0, 1]. */
  other: number;
} {
  return { own: energyInMask(map, ownMask), other: energyInMask(map, otherMask) };
}
