import { PolycamError } from '@polycam/core';
import * as ort from 'onnxruntime-web';

/**
 * Creates an onnxruntime-web session on the WASM execution provider, with all graph
 * optimisations.
 *
 * @param bytes - The model's bytes.
 * @param name - The model's name, for messages.
 * @returns The session.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the runtime refuses the model.
 */
export async function createWebSession(bytes: Uint8Array, name: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
  }
}
