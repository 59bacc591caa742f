import type { ModelBackend } from '@polycam/core';

/** A model the CLI has loaded, with what it tells the user about it. */
export interface OpenedModel {
  /** The loaded backend; dispose it when done. */
  readonly backend: ModelBackend;
  /** The model file. */
  readonly path: string;
  /** Which runtime runs it, such as `onnx` or `tfjs on wasm`. */
  readonly runtime: string;
  /** The class names by output index, when the model's metadata has them (the bundled model). */
  readonly classNames?: readonly string[];
}
