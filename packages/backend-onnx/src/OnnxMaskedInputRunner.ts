import { PolycamError, type MaskedInputRunner, type MaskedRunRequest, type RunResult } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { createSession } from './createSession.js';
import { maskedInputNames } from './onnx/maskedInputNames.js';
import { withMaskedInput } from './onnx/withMaskedInput.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';
import type { OnnxWiring } from './OnnxWiring.js';
import { padToChunk } from './padToChunk.js';
import { runInChunks } from './runInChunks.js';
import { transposeImages } from './transposeImages.js';

/**
 * The ONNX backend's `masked-inputs` capability: a third session whose graph is rewritten (see
 * `withMaskedInput`) to take one image and a batch of low-resolution masks and to build the
 * masked images itself, with onnxruntime's Resize and Mul kernels. The session is created on
 * first use. It needs opset 11 or later (Resize with `sizes` and half-pixel coordinates).
 *
 * @internal
 */
export class OnnxMaskedInputRunner implements MaskedInputRunner {
  readonly #bytes: Uint8Array;
  readonly #wiring: OnnxWiring;
  readonly #options: OnnxLoadOptions;
  readonly #name: string;
  readonly #opset: number;
  #session: Promise<ort.InferenceSession> | undefined;
  #disposed = false;

  /**
   * @param bytes - The original model's bytes.
   * @param wiring - Its input, output, shape, layout and batch axis.
   * @param options - Session options.
   * @param name - The model's name, for messages.
   * @param opset - The default-domain opset the model imports (11 or more).
   */
  public constructor(bytes: Uint8Array, wiring: OnnxWiring, options: OnnxLoadOptions, name: string, opset: number) {
    this.#bytes = bytes;
    this.#wiring = wiring;
    this.#options = options;
    this.#name = name;
    this.#opset = opset;
  }

  /**
   * Runs `image ⊙ resize(masks[i])` through the model for every mask.
   *
   * @param request - One image `[1, C, H, W]` and masks `[N, h, w]`.
   * @param signal - Aborts between chunks.
   * @returns The outputs `[N, K]`.
   */
  public async runMasked(request: MaskedRunRequest, signal?: AbortSignal): Promise<RunResult> {
    const { imageShape, layout, fixedBatchSize, output } = this.#wiring;
    const [count, maskHeight, maskWidth] = request.masks.shape;
    if (request.image.shape.join() !== [1, ...imageShape].join() || count === undefined || count < 1 || maskHeight === undefined || maskWidth === undefined || request.masks.shape.length !== 3) {
      throw new PolycamError(
        'invalid-argument',
        `masked runs take an image [1,${imageShape.join(',')}] and masks [N,h,w], got [${request.image.shape.join(',')}] and [${request.masks.shape.join(',')}]`,
      );
    }
    if (this.#disposed) {
      throw new PolycamError('backend-failure', 'the ONNX backend has been disposed');
    }
    this.#session ??= createSession(
      withMaskedInput(this.#bytes, { name: this.#wiring.input, layout, shape: imageShape, opset: this.#opset }),
      this.#options,
      this.#name,
    );
    const session = await this.#session;
    const [channels, height, width] = imageShape;
    const imageData = layout === 'NHWC' ? transposeImages(request.image.data, 1, channels, height * width, true) : request.image.data;
    const imageDims = layout === 'NHWC' ? [1, height, width, channels] : [1, channels, height, width];
    const image = new ort.Tensor('float32', imageData, imageDims);
    const chunk = fixedBatchSize ?? count;
    const maskSize = maskHeight * maskWidth;
    const outputs = await runInChunks({
      count,
      chunk,
      fetches: [output],
      signal,
      runChunk: (start, used) => {
        const masks = padToChunk(request.masks.data.subarray(start * maskSize, (start + used) * maskSize), chunk * maskSize);
        return session.run({ [maskedInputNames.image]: image, [maskedInputNames.masks]: new ort.Tensor('float32', masks, [chunk, maskHeight, maskWidth]) }, [output]);
      },
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
