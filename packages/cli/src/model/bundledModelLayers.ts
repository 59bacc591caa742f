import type { ModelBackend } from '@polycam/core';
import type { DemoModelMetadata } from '@polycam/synthetic';

/**
 * The bundled demo model's recommended layers, by the names of the copy a backend loaded: the
 * TF.js names on `tfjs`, the ONNX names on any other backend (which runs the ONNX file).
 *
 * @param metadata - The bundled model's metadata.
 * @param backend - The loaded copy.
 * @returns The layers to fuse, in forward order.
 */
export function bundledModelLayers(metadata: DemoModelMetadata, backend: ModelBackend): readonly string[] {
  return backend.id === 'tfjs' ? metadata.tfjs.recommendedLayers : metadata.recommendedLayers;
}
