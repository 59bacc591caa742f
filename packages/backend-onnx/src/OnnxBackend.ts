import { PolycamError, type ModelSource, type WeightRandomizer } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { createSession } from './createSession.js';
import { OnnxSessionBackend } from './onnx/OnnxSessionBackend.js';
import type { OnnxSessions } from './onnx/OnnxSessions.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';
import { readModelBytes } from './readModelBytes.js';

/**
 * A {@link @polycam/core!index.ModelBackend | ModelBackend} over onnxruntime-node's CPU
 * execution provider: {@link OnnxSessionBackend} with sessions created by onnxruntime-node.
 *
 * It keeps the model as it is, for plain batched passes (a session created on the first such
 * pass), and a copy whose graph also outputs every layer, for the passes that tap layers (each
 * call fetches only what it needs). Loading runs one shape-probing pass to describe every layer. A model with a fixed batch axis is fed
 * one fixed-size chunk at a time, padded at the end; a dynamic one takes the whole batch at once.
 *
 * It declares `masked-inputs` for models of opset 11 or later: masked images are built inside
 * onnxruntime from low-resolution masks (see {@link @polycam/core!index.MaskedInputRunner | MaskedInputRunner}), and
 * `weight-randomization`: copies of the model with chosen layers' weights redrawn (see
 * {@link @polycam/core!index.WeightRandomizer | WeightRandomizer}). ONNX Runtime has no gradients, so it declares none.
 *
 * @example
 * ```ts
 * const backend = await OnnxBackend.load({ path: 'model.onnx' }, { threads: 2 });
 * try {
 *   console.log(backend.description.layers.length);
 * } finally {
 *   await backend.dispose();
 * }
 * ```
 */
export class OnnxBackend extends OnnxSessionBackend {
  public readonly id = 'onnx';
  /** Loads copies of the model with chosen layers' weights redrawn at random. */
  declare public readonly weightRandomizer: WeightRandomizer;

  private constructor(sessions: OnnxSessions) {
    super(sessions);
  }

  /**
   * Loads an ONNX model from a file or from bytes and describes its layers.
   *
   * @param source - The `.onnx` path, or its bytes.
   * @param options - Threads, layout override, output name and dynamic input size.
   * @returns The ready backend; dispose it when done.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` for a missing file, `invalid-model` for a
   *   corrupt model or one without a single float image input, `invalid-argument` for a thread
   *   count that is not a positive integer.
   */
  public static async load(source: ModelSource, options: OnnxLoadOptions = {}): Promise<OnnxBackend> {
    if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 1)) {
      throw new PolycamError('invalid-argument', `threads must be a positive integer, got ${options.threads}`);
    }
    const { bytes, name } = await readModelBytes(source);
    const sessions = await OnnxSessionBackend.openSessions({
      bytes,
      name,
      options,
      binding: {
        name: 'onnxruntime',
        createSession: (model) => createSession(model, options, name),
        tensor: (data, dims) => new ort.Tensor('float32', data, dims),
      },
      reload: (randomized) => OnnxBackend.load({ bytes: randomized, name: `${name} (randomised)` }, options),
    });
    return new OnnxBackend(sessions);
  }
}
