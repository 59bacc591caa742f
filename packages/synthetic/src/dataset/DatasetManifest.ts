import type { ManifestImage } from './ManifestImage.js';

/**
 * The benchmark's `manifest.json`: the classes and, per split, every image with its objects.
 */
export interface DatasetManifest {
  /** The format's version. */
  readonly version: 1;
  /** The generator's seed. */
  readonly seed: number;
  /** The images' side length. */
  readonly size: number;
  /** The class names, by index. */
  readonly classes: readonly string[];
  /** The images of each split. */
  readonly splits: {
    /** The training split. */
    readonly train: readonly ManifestImage[];
    /** The validation split. */
    readonly validation: readonly ManifestImage[];
    /** The held-out test split. */
    readonly test: readonly ManifestImage[];
  };
}
