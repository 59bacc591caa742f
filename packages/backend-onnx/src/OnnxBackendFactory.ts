import type { BackendFactory, ModelBackend, ModelSource } from '@polycam/core';
import { OnnxBackend } from './OnnxBackend.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';

/**
 * Loads `.onnx` models with {@link OnnxBackend}. Bound by {@link onnxBackendModule}.
 */
export class OnnxBackendFactory implements BackendFactory {
  /** `onnx`. */
  public readonly id = 'onnx';

  /**
   * @param source - A model source.
   * @returns True for a path or a named buffer ending in `.onnx`.
   */
  public canLoad(source: ModelSource): boolean {
    const name = 'path' in source ? source.path : (source.name ?? '');
    return name.toLowerCase().endsWith('.onnx');
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
