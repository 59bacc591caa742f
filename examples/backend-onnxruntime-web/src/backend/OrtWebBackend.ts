import { PolycamError, type ModelSource } from '@polycam/core';
import { OnnxSessionBackend, type OnnxSessions } from '@polycam/backend-onnx/onnx';
import * as ort from 'onnxruntime-web';
import { configureWasm } from '../runtime/configureWasm.js';
import { createWebSession } from '../runtime/createWebSession.js';
import { readModelSource } from '../runtime/readModelSource.js';
import type { OrtWebLoadOptions } from './OrtWebLoadOptions.js';

/**
 * A {@link @polycam/core!index.ModelBackend | ModelBackend} over onnxruntime-web's WASM build, which runs in Node and in browsers.
 * Everything but its sessions comes from `OnnxSessionBackend` of `@polycam/backend-onnx/onnx`:
 * layer taps through a second session on the model rewritten so that every layer is also a graph
 * output, chunked runs for a fixed batch axis, and `masked-inputs` for models of opset 11 or
 * later. It takes NCHW models only (an example's simplification).
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
   * @param options - Threads, output name and dynamic input size.
   * @returns The ready backend; dispose it when done.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found`, `invalid-model` (corrupt, not NCHW, no single
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
        createSession: (model) => createWebSession(model, name),
        tensor: (data, dims) => new ort.Tensor('float32', data, dims),
      },
      checkWiring: (wiring) => {
        if (wiring.layout !== 'NCHW') {
          throw new PolycamError('invalid-model', `${name} takes NHWC images; this example backend takes NCHW models only`);
        }
      },
    });
    return new OrtWebBackend(sessions);
  }
}
