import { PolycamError } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';

/**
 * Creates an onnxruntime CPU session with polycam's settings: all graph optimisations,
 * sequential execution, one inter-op thread and the requested intra-op threads. onnxruntime
 * logs only errors (its environment's level and the session's), so that its warnings, such as
 * `Failed to persist telemetry device ID` for a user without a writable home, do not mix with
 * the caller's output on standard error.
 *
 * @internal
 * @param bytes - The model's bytes.
 * @param options - Only its thread count is read.
 * @param name - The model's name, for messages.
 * @throws {@link PolycamError} `invalid-model` when onnxruntime refuses the model.
 */
export async function createSession(bytes: Uint8Array, options: OnnxLoadOptions, name: string): Promise<ort.InferenceSession> {
  ort.env.logLevel = 'error';
  try {
    return await ort.InferenceSession.create(bytes, {
      logSeverityLevel: 3,
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
      interOpNumThreads: 1,
      ...(options.threads === undefined ? {} : { intraOpNumThreads: options.threads }),
    });
  } catch (error) {
    const why = (error as Error).message.split('\n')[0] ?? 'onnxruntime refused it';
    throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: ${why}`, { cause: error });
  }
}
