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
    readonly train: readonly ManifestImage[];
    readonly validation: readonly ManifestImage[];
    readonly test: readonly ManifestImage[];
  };
}
