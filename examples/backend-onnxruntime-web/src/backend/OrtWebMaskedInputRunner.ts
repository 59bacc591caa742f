import { PolycamError, type MaskedInputRunner, type MaskedRunRequest, type RunResult } from '@polycam/core';
import { maskedInputNames, type OnnxWiring } from '@polycam/backend-onnx/onnx';
import type * as ort from 'onnxruntime-web';
import { createWebSession } from '../runtime/createWebSession.js';
import { runWebSession } from '../runtime/runWebSession.js';
import { runInBatches } from './runInBatches.js';

/**
 * The `masked-inputs` capability over onnxruntime-web: a session on the model rewritten by
 * `withMaskedInput` from `@polycam/backend-onnx/onnx`, which takes one image and N
 * low-resolution masks and builds the N masked images inside the runtime. The session is
 * created on first use.
 */
export class OrtWebMaskedInputRunner implements MaskedInputRunner {
  readonly #bytes: Uint8Array;
  readonly #wiring: OnnxWiring;
  readonly #name: string;
  #session: Promise<ort.InferenceSession> | undefined;
  #disposed = false;

  /**
   * @param bytes - The model rewritten by `withMaskedInput`.
   * @param wiring - The original model's input, output, shape and batch axis.
   * @param name - The model's name, for messages.
   */
  public constructor(bytes: Uint8Array, wiring: OnnxWiring, name: string) {
    this.#bytes = bytes;
    this.#wiring = wiring;
    this.#name = name;
  }

  /**
   * Runs `image ⊙ resize(masks[i])` through the model for every mask.
   *
   * @param request - One image `[1, C, H, W]` and masks `[N, h, w]`.
   * @param signal - Aborts between runs.
   * @returns The outputs `[N, K]`.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for mismatched shapes, `aborted`,
   *   `backend-failure`.
   */
  public async runMasked(request: MaskedRunRequest, signal?: AbortSignal): Promise<RunResult> {
    const { imageShape, fixedBatchSize, output } = this.#wiring;
    const [count, height, width] = request.masks.shape as [number, number, number];
    if (request.image.shape.join() !== [1, ...imageShape].join() || request.masks.shape.length !== 3 || !(count >= 1)) {
      throw new PolycamError('invalid-argument', `masked runs take an image [1,${imageShape.join(',')}] and masks [N,h,w], got [${request.image.shape.join(',')}] and [${request.masks.shape.join(',')}]`);
    }
    if (this.#disposed) throw new PolycamError('backend-failure', 'the onnxruntime-web backend has been disposed');
    this.#session ??= createWebSession(this.#bytes, this.#name);
    const session = await this.#session;
    const size = fixedBatchSize ?? count;
    const plane = height * width;
    const image = { data: request.image.data, dims: [1, ...imageShape] };
    const outputs = await runInBatches(count, size, signal, (start, used) => {
      const masks = new Float32Array(size * plane);
      masks.set(request.masks.data.subarray(start * plane, (start + used) * plane));
      return runWebSession(session, { [maskedInputNames.image]: image, [maskedInputNames.masks]: { data: masks, dims: [size, height, width] } }, [output]);
    });
    return { output: outputs.get(output)!, activations: new Map() };
  }

  /**
   * Releases the session, if it was created.
   *
   * @returns When it is released.
   */
  public async dispose(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    this.#disposed = true;
    await (await session?.catch(() => undefined))?.release();
  }
}
