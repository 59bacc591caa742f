import {
  nearestNames,
  PolycamError,
  throwIfAborted,
  type BackendCapability,
  type ModelBackend,
  type ModelDescription,
  type ModelSource,
  type RunRequest,
  type RunResult,
} from '@polycam/core';
import { reachableOutputs, summarizeOnnxModel, wireOnnxModel, withGraphOutputs, withMaskedInput, type OnnxWiring } from '@polycam/backend-onnx/onnx';
import type * as ort from 'onnxruntime-web';
import { configureWasm } from '../runtime/configureWasm.js';
import { createWebSession } from '../runtime/createWebSession.js';
import { readModelSource } from '../runtime/readModelSource.js';
import { runWebSession } from '../runtime/runWebSession.js';
import { describeWebModel } from './describeWebModel.js';
import type { OrtWebLoadOptions } from './OrtWebLoadOptions.js';
import { OrtWebMaskedInputRunner } from './OrtWebMaskedInputRunner.js';
import { runInBatches } from './runInBatches.js';

/** Resize with `sizes` and half-pixel coordinates, which masking needs, came with opset 11. */
const MIN_MASKED_INPUT_OPSET = 11;

/**
 * A {@link @polycam/core!index.ModelBackend | ModelBackend} over onnxruntime-web's WASM build, which runs in Node and in browsers.
 * It taps layers the way `@polycam/backend-onnx` does, with the wire-level tools of
 * `@polycam/backend-onnx/onnx`: a second session on the model rewritten so that every layer is
 * also a graph output. It declares `masked-inputs` for models of opset 11 or later. It takes
 * NCHW models only (an example's simplification).
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
export class OrtWebBackend implements ModelBackend {
  /** `onnxruntime-web`. */
  public readonly id = 'onnxruntime-web';
  /** `forward`, and `masked-inputs` for opset 11 or later. */
  public readonly capabilities: ReadonlySet<BackendCapability>;
  /** The model's input, output and layers. */
  public readonly description: ModelDescription;
  /** Builds masked images inside the runtime; absent before opset 11. */
  public readonly maskedInputs: OrtWebMaskedInputRunner | undefined;
  readonly #plain: ort.InferenceSession;
  readonly #tapped: ort.InferenceSession;
  readonly #wiring: OnnxWiring;

  private constructor(
    sessions: { plain: ort.InferenceSession; tapped: ort.InferenceSession; masked: OrtWebMaskedInputRunner | undefined },
    wiring: OnnxWiring,
    description: ModelDescription,
  ) {
    this.#plain = sessions.plain;
    this.#tapped = sessions.tapped;
    this.#wiring = wiring;
    this.description = description;
    this.maskedInputs = sessions.masked;
    this.capabilities = new Set<BackendCapability>(sessions.masked ? ['forward', 'masked-inputs'] : ['forward']);
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
    let summary: ReturnType<typeof summarizeOnnxModel>;
    try {
      summary = summarizeOnnxModel(bytes);
    } catch (error) {
      throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: ${(error as Error).message}`, { cause: error });
    }
    const wiring = wireOnnxModel(summary, options, name);
    if (wiring.layout !== 'NCHW') {
      throw new PolycamError('invalid-model', `${name} takes NHWC images; this example backend takes NCHW models only`);
    }
    const candidates = reachableOutputs(summary, wiring.input);
    const plain = await createWebSession(bytes, name);
    let tapped: ort.InferenceSession | undefined;
    try {
      tapped = await createWebSession(withGraphOutputs(bytes, candidates, summary.outputs.map((output) => output.name)), name);
      const description = await describeWebModel(tapped, summary, wiring, candidates);
      const masked =
        summary.opset >= MIN_MASKED_INPUT_OPSET
          ? new OrtWebMaskedInputRunner(withMaskedInput(bytes, { name: wiring.input, layout: 'NCHW', shape: wiring.imageShape, opset: summary.opset }), wiring, name)
          : undefined;
      return new OrtWebBackend({ plain, tapped, masked }, wiring, description);
    } catch (error) {
      await plain.release();
      await tapped?.release();
      throw error;
    }
  }

  /**
   * Runs a batch of any size.
   *
   * @param request - The images `[N, C, H, W]` and the layers to tap.
   * @param signal - Aborts between runs.
   * @returns The outputs `[N, K]` and the taps `[N, K_l, h_l, w_l]`.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-layer`, `invalid-argument`, `aborted` or
   *   `backend-failure`.
   */
  public async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    throwIfAborted(signal);
    const names = this.description.layers.map((layer) => layer.name);
    const taps = [...new Set(request.taps ?? [])];
    const unknown = taps.find((tap) => !names.includes(tap));
    if (unknown !== undefined) {
      throw new PolycamError('unknown-layer', `layer '${unknown}' does not exist; nearest: ${nearestNames(unknown, names).join(', ')}`);
    }
    const { imageShape, fixedBatchSize, input, output } = this.#wiring;
    const [count, ...shape] = request.input.shape;
    if (count === undefined || count < 1 || shape.join() !== imageShape.join()) {
      throw new PolycamError('invalid-argument', `the model takes [N,${imageShape.join(',')}] inputs, got [${request.input.shape.join(',')}]`);
    }
    const imageSize = imageShape[0] * imageShape[1] * imageShape[2];
    const size = fixedBatchSize ?? count;
    const session = taps.length > 0 ? this.#tapped : this.#plain;
    const fetches = [output, ...taps.filter((tap) => tap !== output)];
    const results = await runInBatches(count, size, signal, (start, used) => {
      let images = request.input.data.subarray(start * imageSize, (start + used) * imageSize);
      if (used < size) {
        images = new Float32Array(size * imageSize);
        images.set(request.input.data.subarray(start * imageSize, (start + used) * imageSize));
      }
      return runWebSession(session, { [input]: { data: images, dims: [size, ...imageShape] } }, fetches);
    });
    return { output: results.get(output)!, activations: new Map(taps.map((tap) => [tap, results.get(tap)!])) };
  }

  /**
   * Releases the sessions.
   *
   * @returns When they are released.
   */
  public async dispose(): Promise<void> {
    await Promise.all([this.#plain.release(), this.#tapped.release(), this.maskedInputs?.dispose()]);
  }
}
