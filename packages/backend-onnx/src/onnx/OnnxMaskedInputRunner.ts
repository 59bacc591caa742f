import { checkMaskedRunRequest, PolycamError, runInChunks, type MaskedInputRunner, type MaskedRunRequest, type ModelDescription, type RunResult } from '@polycam/core';
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxWiring } from '../OnnxWiring.js';
import { bilinearMatrix } from './bilinearMatrix.js';
import { maskedInputNames } from './maskedInputNames.js';
import type { OnnxRuntimeBinding } from './OnnxRuntimeBinding.js';
import { runOnnxSession } from './runOnnxSession.js';
import { transposeImages } from './transposeImages.js';
import { withMaskedInput } from './withMaskedInput.js';

/**
 * The `masked-inputs` capability of {@link OnnxSessionBackend}: a third session whose graph is
 * rewritten (see `withMaskedInput`) to take one image and a batch of low-resolution masks and to
 * build the masked images itself, with the runtime's MatMul and Mul kernels: the runner feeds the
 * bilinear interpolation matrices of each mask size (see `bilinearMatrix`), made once per size.
 * The session is created on first use. It needs opset 11 or later.
 *
 * @internal
 */
export class OnnxMaskedInputRunner implements MaskedInputRunner {
  readonly #model: { readonly bytes: Uint8Array; readonly opset: number };
  readonly #wiring: OnnxWiring;
  readonly #description: ModelDescription;
  readonly #binding: OnnxRuntimeBinding;
  #session: Promise<InferenceSession> | undefined;
  /** The interpolation matrices of each mask size seen, by `h×w`: a few KiB each. */
  readonly #matrices = new Map<string, { readonly rows: Float32Array; readonly columns: Float32Array }>();
  #disposed = false;

  /**
   * @param model - The original model's bytes and the default-domain opset it imports (11 or
   *   more).
   * @param wiring - Its input, output, shape, layout and batch axis.
   * @param description - Its description, for the checks.
   * @param binding - Creates the session and its tensors.
   */
  public constructor(model: { readonly bytes: Uint8Array; readonly opset: number }, wiring: OnnxWiring, description: ModelDescription, binding: OnnxRuntimeBinding) {
    this.#model = model;
    this.#wiring = wiring;
    this.#description = description;
    this.#binding = binding;
  }

  /**
   * Runs `image ⊙ resize(masks[i])` through the model for every mask.
   *
   * @param request - One image `[1, C, H, W]` and masks `[N, h, w]`.
   * @param signal - Aborts between chunks.
   * @returns The outputs `[N, K]`.
   */
  public async runMasked(request: MaskedRunRequest, signal?: AbortSignal): Promise<RunResult> {
    const [count, maskHeight, maskWidth] = checkMaskedRunRequest(this.#description, request, signal);
    if (this.#disposed) {
      throw new PolycamError('disposed', `the ${this.#binding.name} backend has been disposed`);
    }
    const { input, imageShape, layout, fixedBatchSize, output } = this.#wiring;
    this.#session ??= this.#binding.createSession(withMaskedInput(this.#model.bytes, { name: input, layout, shape: imageShape, opset: this.#model.opset }));
    const session = await this.#session;
    const [channels, height, width] = imageShape;
    const image =
      layout === 'NHWC'
        ? { data: transposeImages(request.image.data, 1, channels, height * width, true), dims: [1, height, width, channels] }
        : { data: request.image.data, dims: [1, channels, height, width] };
    const chunk = fixedBatchSize ?? count;
    const { rows, columns } = this.#matricesFor(maskHeight, maskWidth);
    const outputs = await runInChunks({
      count,
      chunk,
      signal,
      runtime: this.#binding.name,
      items: { data: request.masks.data, itemSize: maskHeight * maskWidth },
      runChunk: (_start, _used, masks) =>
        runOnnxSession(
          this.#binding,
          session,
          {
            [maskedInputNames.image]: image,
            [maskedInputNames.masks]: { data: masks!, dims: [chunk, maskHeight, maskWidth] },
            [maskedInputNames.rows]: { data: rows, dims: [height, maskHeight] },
            [maskedInputNames.columns]: { data: columns, dims: [maskWidth, width] },
          },
          [output],
        ),
    });
    return { output: outputs.get(output)!, activations: new Map() };
  }

  #matricesFor(maskHeight: number, maskWidth: number): { readonly rows: Float32Array; readonly columns: Float32Array } {
    const key = `${maskHeight}×${maskWidth}`;
    let matrices = this.#matrices.get(key);
    if (matrices === undefined) {
      const [, height, width] = this.#wiring.imageShape;
      matrices = { rows: bilinearMatrix(height, maskHeight, false), columns: bilinearMatrix(width, maskWidth, true) };
      this.#matrices.set(key, matrices);
    }
    return matrices;
  }

  /**
   * Releases the session, if it was created. Masked runs fail afterwards.
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
