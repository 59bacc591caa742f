import {
  nearestNames,
  PolycamError,
  throwIfAborted,
  type BackendCapability,
  type MaskedInputRunner,
  type ModelBackend,
  type ModelDescription,
  type ModelSource,
  type RunRequest,
  type RunResult,
  type WeightRandomizer,
} from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { createSession } from './createSession.js';
import { describeOnnxModel } from './describeOnnxModel.js';
import type { OnnxModelSummary } from './onnx/OnnxModelSummary.js';
import { reachableOutputs } from './onnx/reachableOutputs.js';
import { summarizeOnnxModel } from './onnx/summarizeOnnxModel.js';
import { withGraphOutputs } from './onnx/withGraphOutputs.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';
import { OnnxMaskedInputRunner } from './OnnxMaskedInputRunner.js';
import { OnnxWeightRandomizer } from './OnnxWeightRandomizer.js';
import type { OnnxWiring } from './OnnxWiring.js';
import { padToChunk } from './padToChunk.js';
import { readModelBytes } from './readModelBytes.js';
import { runInChunks } from './runInChunks.js';
import { transposeImages } from './transposeImages.js';
import { wireOnnxModel } from './wireOnnxModel.js';

/** The oldest opset whose Resize takes `sizes` and half-pixel coordinates, as masking needs. */
const MIN_MASKED_INPUT_OPSET = 11;

/**
 * A {@link ModelBackend} over onnxruntime-node's CPU execution provider.
 *
 * It keeps the model as it is, for plain batched passes, and a copy whose graph also outputs
 * every layer, for the passes that tap layers (each call fetches only what it needs). Loading
 * runs one shape-probing pass to describe every layer. A model with a fixed batch axis is fed
 * one fixed-size chunk at a time, padded at the end; a dynamic one takes the whole batch at once.
 *
 * It declares `masked-inputs`: masked images are built inside onnxruntime from low-resolution
 * masks (see {@link MaskedInputRunner}), and `weight-randomization`: copies of the model with
 * chosen layers' weights redrawn (see {@link WeightRandomizer}). ONNX Runtime has no gradients,
 * so it declares none.
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
export class OnnxBackend implements ModelBackend {
  /** `onnx`. */
  public readonly id = 'onnx';
  /**
   * Forward passes, weight randomisation, and in-runtime masking for models of opset 11 or
   * later; no gradients.
   */
  public readonly capabilities: ReadonlySet<BackendCapability>;
  /** The model's input, output and layers. */
  public readonly description: ModelDescription;
  /** Builds masked images inside onnxruntime; absent for models older than opset 11. */
  public readonly maskedInputs: MaskedInputRunner | undefined;
  /** Loads copies of the model with chosen layers' weights redrawn at random. */
  public readonly weightRandomizer: WeightRandomizer;
  readonly #masked: OnnxMaskedInputRunner | undefined;
  readonly #plain: ort.InferenceSession;
  readonly #tapped: ort.InferenceSession;
  readonly #wiring: OnnxWiring;
  readonly #layerNames: ReadonlySet<string>;

  private constructor(
    sessions: { plain: ort.InferenceSession; tapped: ort.InferenceSession; masked: OnnxMaskedInputRunner | undefined; randomizer: OnnxWeightRandomizer },
    wiring: OnnxWiring,
    description: ModelDescription,
  ) {
    this.#plain = sessions.plain;
    this.#tapped = sessions.tapped;
    this.maskedInputs = sessions.masked;
    this.#masked = sessions.masked;
    this.weightRandomizer = sessions.randomizer;
    this.capabilities = new Set<BackendCapability>(sessions.masked ? ['forward', 'masked-inputs', 'weight-randomization'] : ['forward', 'weight-randomization']);
    this.#wiring = wiring;
    this.description = description;
    this.#layerNames = new Set(description.layers.map((layer) => layer.name));
  }

  /**
   * Loads an ONNX model from a file or from bytes and describes its layers.
   *
   * @param source - The `.onnx` path, or its bytes.
   * @param options - Threads, layout override, output name and dynamic input size.
   * @returns The ready backend; dispose it when done.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` for a missing file, `invalid-model` for a
   *   corrupt model or one without a single float image input.
   */
  public static async load(source: ModelSource, options: OnnxLoadOptions = {}): Promise<OnnxBackend> {
    if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 1)) {
      throw new PolycamError('invalid-argument', `threads must be a positive integer, got ${options.threads}`);
    }
    const { bytes, name } = await readModelBytes(source);
    let summary: OnnxModelSummary;
    try {
      summary = summarizeOnnxModel(bytes);
    } catch (error) {
      throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: it cannot be decoded (${(error as Error).message})`, { cause: error });
    }
    const wiring = wireOnnxModel(summary, options, name);
    const candidates = reachableOutputs(summary, wiring.input);
    const outputs = summary.outputs.map((output) => output.name);
    const plain = await createSession(bytes, options, name);
    let tapped: ort.InferenceSession | undefined;
    try {
      tapped = await createSession(withGraphOutputs(bytes, candidates, outputs), options, name);
      const description = await describeOnnxModel(tapped, summary, wiring, candidates);
      const masked = summary.opset >= MIN_MASKED_INPUT_OPSET ? new OnnxMaskedInputRunner(bytes, wiring, options, name, summary.opset) : undefined;
      const randomizer = new OnnxWeightRandomizer(bytes, summary, (randomized) => OnnxBackend.load({ bytes: randomized, name: `${name} (randomised)` }, options));
      return new OnnxBackend({ plain, tapped, masked, randomizer }, wiring, description);
    } catch (error) {
      await plain.release();
      await tapped?.release();
      throw error;
    }
  }

  /**
   * Runs a batch of any size, splitting it for a fixed batch axis.
   *
   * @param request - The images `[N, C, H, W]` and the layers to tap.
   * @param signal - Aborts between chunks.
   * @returns The outputs `[N, K]` and the taps `[N, K_l, h_l, w_l]`.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-layer`, `invalid-argument`, `aborted` or
   *   `backend-failure`.
   */
  public async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    throwIfAborted(signal);
    const taps = [...new Set(request.taps ?? [])];
    for (const tap of taps) {
      if (!this.#layerNames.has(tap)) {
        throw new PolycamError('unknown-layer', `layer '${tap}' does not exist; nearest: ${nearestNames(tap, [...this.#layerNames]).join(', ')}`);
      }
    }
    const { imageShape, fixedBatchSize, layout, input, output } = this.#wiring;
    const [count, ...shape] = request.input.shape;
    if (count === undefined || count < 1 || shape.join() !== imageShape.join()) {
      throw new PolycamError('invalid-argument', `the model takes [N,${imageShape.join(',')}] inputs, got [${request.input.shape.join(',')}]`);
    }
    const [channels, height, width] = imageShape;
    const imageSize = channels * height * width;
    const chunk = fixedBatchSize ?? count;
    const session = taps.length > 0 ? this.#tapped : this.#plain;
    const fetches = [...new Set([output, ...taps])];
    const results = await runInChunks({
      count,
      chunk,
      fetches,
      signal,
      runChunk: (start, used) => {
        let images = padToChunk(request.input.data.subarray(start * imageSize, (start + used) * imageSize), chunk * imageSize);
        let dims = [chunk, channels, height, width];
        if (layout === 'NHWC') {
          images = transposeImages(images, chunk, channels, height * width, true);
          dims = [chunk, height, width, channels];
        }
        return session.run({ [input]: new ort.Tensor('float32', images, dims) }, fetches);
      },
    });
    return {
      output: { shape: [count, this.description.output.size], data: results.get(output)!.data },
      activations: new Map(taps.map((tap) => [tap, results.get(tap)!])),
    };
  }

  /**
   * Releases the onnxruntime sessions.
   *
   * @returns When they are released.
   */
  public async dispose(): Promise<void> {
    await Promise.all([this.#plain.release(), this.#tapped.release(), this.#masked?.dispose()]);
  }
}
