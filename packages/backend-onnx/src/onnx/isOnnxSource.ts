import type { ModelSource } from '@polycam/core';

/**
 * Whether a model source names an ONNX file: a path, or a named buffer, ending in `.onnx`
 * (any case). Every ONNX runtime's `BackendFactory.canLoad` answers with it, so that they all
 * recognise the same files.
 *
 * @param source - A model source.
 * @returns True for `model.onnx`, `MODEL.ONNX` or `{ bytes, name: 'model.onnx' }`.
 */
export function isOnnxSource(source: ModelSource): boolean {
  const name = 'path' in source ? source.path : (source.name ?? '');
  return name.toLowerCase().endsWith('.onnx');
}
