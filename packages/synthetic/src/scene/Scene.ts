import type { ImagePixels } from '@polycam/core';
import type { SceneObject } from './SceneObject.js';

/**
 * A generated image with the ground truth of each class object in it.
 */
export interface Scene {
  /** The RGB image. */
  readonly image: ImagePixels;
  /** The class objects, one or two. */
  readonly objects: readonly SceneObject[];
}
