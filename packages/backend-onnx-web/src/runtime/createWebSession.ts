import { PolycamError } from '@polycam/core';
import * as ort from 'onnxruntime-web';
import type { OrtWebDevice } from '../backend/OrtWebDevice.js';

/**
 * Creates an onnxruntime-web session, with all graph optimisations, on the WASM execution
 * provider or on WebGPU (which onnxruntime-web backs with WASM for the operators WebGPU lacks).
 *
 * @param bytes - The model's bytes.
 * @param name - The model's name, for messages.
 * @param device - `wasm` (the default) or `webgpu`.
 * @returns The session.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the runtime refuses the model.
 */
export async function createWebSession(bytes: Uint8Array, name: string, device: OrtWebDevice = 'wasm'): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, { executionProviders: device === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'], graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
  }
}
