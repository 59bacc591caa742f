import type { Explainer, ModelBackend } from '@polycam/core';
import type { DemoModelMetadata, ManifestImage } from '@polycam/synthetic';

/** What the benchmark commands work with: the held-out images and the bundled model, loaded. */
export interface BenchmarkSession {
  /** The benchmark's folder. */
  readonly folder: string;
  /** The one-object test images to use. */
  readonly items: readonly ManifestImage[];
  /** The two-object test images, as many at most. */
  readonly pairs: readonly ManifestImage[];
  /** The bundled model's metadata (input size, mean/std, layers, classes). */
  readonly metadata: DemoModelMetadata;
  /** An explainer with the Poly-CAM presets. */
  /** The model's recommended layers, by the loaded backend's names. */
  readonly layers: readonly string[];
  readonly explainer: Explainer;
  /** The bundled model; dispose it when done. */
  readonly backend: ModelBackend;
}
