import { resolveLayers } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';

/**
 * The layers that `--layers auto` discovers on an ONNX model, as its metadata records them.
 *
 * @param onnxPath - The model.
 * @returns The layers' tensor names, in forward order.
 */
export async function onnxAutoLayers(onnxPath: string): Promise<string[]> {
  const backend = await OnnxBackend.load({ path: onnxPath });
  try {
    return resolveLayers(backend.description, 'auto');
  } finally {
    await backend.dispose();
  }
}
