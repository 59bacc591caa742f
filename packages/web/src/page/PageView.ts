import type { ImagePixels } from '@polycam/core';
import type { ModelInfo } from '../worker/ModelInfo.js';
import type { ModelMetadata } from './ModelMetadata.js';

/** What {@link PolycamApp} needs of the page: the controls' values and places to show state. */
export interface PageView {
  /** Shows a loaded model: its name, methods, layers and default normalisation. */
  showModel(info: ModelInfo, name: string, metadata: ModelMetadata | undefined): void;
  /** Lists the images as thumbnails. */
  showImages(images: readonly { name: string; blob: Blob }[]): void;
  /** Marks the active image. */
  markImage(index: number): void;
  /** Shows the active image, before any map. */
  showImage(pixels: ImagePixels): void;
  /** Lists the top classes with their scores and names. */
  showClasses(top: readonly { index: number; score: number }[], names: readonly string[] | undefined): void;
  /** Shows evaluations done out of planned. */
  showProgress(done: number, total: number): void;
  /** Enables Cancel and disables Explain while a run is on, and back. */
  showRunning(running: boolean): void;
  /** The chosen method. */
  method(): string;
  /** The chosen class, or undefined for the top class. */
  classIndex(): number | undefined;
  /** The chosen layers, or undefined for the method's own. */
  layers(): readonly string[] | undefined;
  /** The mean field's text. */
  meanText(): string;
  /** The std field's text. */
  stdText(): string;
}
