import type { ManifestObject } from './ManifestObject.js';

/** One image in the manifest. */
export interface ManifestImage {
  /** The image's PNG, relative to the dataset folder. */
  readonly file: string;
  /** `single` (one object) or `pair` (two objects of different classes). */
  readonly kind: 'single' | 'pair';
  /** The seed the scene was drawn from. */
  readonly seed: number;
  /** The objects, with their masks. */
  readonly objects: readonly ManifestObject[];
}
