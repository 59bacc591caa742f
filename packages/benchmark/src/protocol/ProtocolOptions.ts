import type { Explainer, ModelBackend } from '@polycam/core';
import type { DemoModelMetadata } from '@polycam/synthetic';
import type { BenchmarkImages } from '../dataset/BenchmarkImages.js';

/** What every protocol on the synthetic benchmark takes: the images, the model and how to report. */
export interface ProtocolOptions {
  /** The explainer, with the methods to run registered. */
  readonly explainer: Explainer;
  /** The model; the protocol does not dispose it. */
  readonly backend: ModelBackend;
  /** The held-out images (see `openBenchmarkImages`). */
  readonly images: BenchmarkImages;
  /** The model's input size and normalisation (the bundled model's metadata). */
  readonly model: Pick<DemoModelMetadata, 'inputShape' | 'mean' | 'std'>;
  /** The layers to explain, shallow to deep, by the backend's names. */
  readonly layers: readonly string[];
  /** Called after each unit of work with how many are done out of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Cancels the run. */
  readonly signal?: AbortSignal;
}
