import type { BackendLoadOptions } from './BackendLoadOptions.js';
import type { ModelBackend } from './ModelBackend.js';
import type { ModelSource } from './ModelSource.js';

/**
 * Loads models for one runtime. Backend packages bind one under `TOKENS.BackendFactory` in
 * their container module, so that an application can pick a runtime by id or by file.
 */
export interface BackendFactory {
  /** The id of the backends it makes, such as `onnx`. */
  readonly id: string;
  /**
   * Tells whether this factory recognises a source, typically by its file extension.
   *
   * @param source - The model's source.
   * @returns True when {@link BackendFactory.load} should be able to load it.
   */
  canLoad(source: ModelSource): boolean;
  /**
   * Loads a model.
   *
   * @param source - The model's path or bytes.
   * @param options - Threads, layout and backend-specific options.
   * @returns The ready backend; dispose it when done.
   * @throws {@link PolycamError} `file-not-found` or `invalid-model`.
   */
  load(source: ModelSource, options?: BackendLoadOptions): Promise<ModelBackend>;
}
