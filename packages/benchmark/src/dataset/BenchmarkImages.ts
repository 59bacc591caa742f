import type { ManifestImage } from '@polycam/synthetic';

/** The held-out images a protocol runs on: a benchmark folder and the entries picked from its test split. */
export interface BenchmarkImages {
  /** The benchmark's folder, which holds the manifest. */
  readonly folder: string;
  /** The one-object test images. */
  readonly singles: readonly ManifestImage[];
  /** The two-object test images. */
  readonly pairs: readonly ManifestImage[];
}
