import type { BackendFactory, ModelBackend, ModelSource } from '@polycam/core';
import { isOnnxSource } from '@polycam/backend-onnx/onnx';
import { OrtWebBackend } from '../backend/OrtWebBackend.js';
import type { OrtWebLoadOptions } from '../backend/OrtWebLoadOptions.js';

/**
 * Loads `.onnx` models with {@link OrtWebBackend}. Bound by {@link ortWebBackendModule}; pick it
 * with `loadModel(container, source, { backend: 'onnxruntime-web' })`, since
 * `@polycam/backend-onnx` recognises the same files.
 */
export class OrtWebBackendFactory implements BackendFactory {
  public readonly id = 'onnxruntime-web';

  /**
   * @param source - A model source.
   * @returns True for a path or a named buffer ending in `.onnx` (see `isOnnxSource`).
   */
  public canLoad(source: ModelSource): boolean {
    return isOnnxSource(source);
  }

  /**
   * @param source - The model's path or bytes.
   * @param options - Threads, output and input size.
   * @returns The loaded backend.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} as {@link OrtWebBackend.load} does.
   */
  public load(source: ModelSource, options?: OrtWebLoadOptions): Promise<ModelBackend> {
    return OrtWebBackend.load(source, options);
  }
}
