import type { BackendFactory, ModelBackend, ModelSource } from '@polycam/core';
import { isOnnxSource } from './onnx/isOnnxSource.js';
import { OnnxBackend } from './OnnxBackend.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';

/**
 * Loads `.onnx` models with {@link OnnxBackend}. Bound by {@link onnxBackendModule}.
 */
export class OnnxBackendFactory implements BackendFactory {
  public readonly id = 'onnx';

  /**
   * @param source - A model source.
   * @returns True for a path or a named buffer ending in `.onnx` (see `isOnnxSource`).
   */
  public canLoad(source: ModelSource): boolean {
    return isOnnxSource(source);
  }

  /**
   * @param source - The model's path or bytes.
   * @param options - Threads, layout, output and input size.
   * @returns The loaded backend.
   */
  public load(source: ModelSource, options?: OnnxLoadOptions): Promise<ModelBackend> {
    return OnnxBackend.load(source, options);
  }
}
