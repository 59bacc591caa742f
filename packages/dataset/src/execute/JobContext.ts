import type { ExplainResult, ImagePixels, Map2D, ModelBackend, Tensor } from '@polycam/core';
import type { DatasetJob } from '../job/DatasetJob.js';
import type { ImageTarget } from '../job/ImageTarget.js';

/**
 * What a worker holds for one configuration: the loaded model and the few operations that the
 * application supplies (the CLI decodes images with sharp and builds the request from explain's
 * options), so that this package stays free of image libraries and command-line parsing. A
 * worker opens one per configuration and disposes it when the configuration changes or the
 * worker stops.
 */
export interface JobContext {
  /** The loaded model (for the metrics' passes). */
  readonly backend: ModelBackend;
  /**
   * Decodes an image file.
   *
   * @param path - The image.
   * @returns Its pixels.
   */
  readImage(path: string): Promise<ImagePixels>;
  /**
   * Turns decoded pixels into the model's normalised input.
   *
   * @param image - The pixels.
   * @returns The input tensor.
   */
  preprocess(image: ImagePixels): Tensor;
  /**
   * Explains one input with the configuration's method and options, for the image's own target
   * when the job has one.
   *
   * @param input - The normalised input.
   * @param signal - Cancels the explanation.
   * @param target - The job's own target (see {@link DatasetJob.target}).
   * @returns The explanation.
   */
  explain(input: Tensor, signal: AbortSignal, target?: ImageTarget): Promise<ExplainResult>;
  /**
   * Renders the overlay PNG of a map over its image.
   *
   * @param image - The pixels.
   * @param map - The map.
   * @returns The PNG's bytes.
   */
  renderOverlay(image: ImagePixels, map: Map2D): Promise<Uint8Array>;
  /**
   * Extra fields for a result's record (such as the model path and the class name).
   *
   * @param result - The explanation.
   * @returns The fields.
   */
  details(result: ExplainResult): Record<string, unknown>;
  /**
   * Releases the model.
   *
   * @returns When it is released.
   */
  dispose(): Promise<void>;
}
