import type { ModelSource } from '@polycam/core';
import { OnnxSessionBackend, type OnnxSessions } from '@polycam/backend-onnx/onnx';
import * as ort from 'onnxruntime-web';
import { configureWasm } from '../runtime/configureWasm.js';
import { createWebSession } from '../runtime/createWebSession.js';
import { readModelSource } from '../runtime/readModelSource.js';
import type { OrtWebLoadOptions } from './OrtWebLoadOptions.js';

/**
 * A {@link @polycam/core!index.ModelBackend | ModelBackend} over onnxruntime-web, on WASM (in Node and in browsers) or WebGPU (in browsers that have it).
 * Everything but its sessions comes from `OnnxSessionBackend` of `@polycam/backend-onnx/onnx`:
 * layer taps through a second session on the model rewritten so that every layer is also a graph
 * output, chunked runs for a fixed batch axis, and `masked-inputs` for models of opset 11 or
 * later. NHWC models are fed transposed images, as `@polycam/backend-onnx` does.
 *
 * @example
 * ```ts
 * const backend = await OrtWebBackend.load({ path: 'model.onnx' });
 * try {
 *   const { output } = await backend.run({ input });
 * } finally {
 *   await backend.dispose();
 * }
 * ```
 */
export class OrtWebBackend extends OnnxSessionBackend {
  public readonly id = 'onnxruntime-web';

  private constructor(sessions: OnnxSessions) {
    super(sessions);
  }

  /**
   * Loads an ONNX model and describes its layers with one probing pass.
   *
   * @param source - The `.onnx` path (Node) or bytes.
   * @param options - Threads, device, layout override, output name and dynamic input size.
   * @returns The ready backend; dispose it when done.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found`, `invalid-model` (corrupt, or no single
   *   float image input), `invalid-argument` (threads).
   */
  public static async load(source: ModelSource, options: OrtWebLoadOptions = {}): Promise<OrtWebBackend> {
    configureWasm(options.threads);
    const { bytes, name } = await readModelSource(source);
    const sessions = await OnnxSessionBackend.openSessions({
      bytes,
      name,
      options,
      binding: {
        name: 'onnxruntime-web',
        createSession: (model) => createWebSession(model, name, options.device),
        tensor: (data, dims) => new ort.Tensor('float32', data, dims),
      },
    });
    return new OrtWebBackend(sessions);
  }
}
