import {
  backendCapabilities,
  checkRunRequest,
  PolycamError,
  runInChunks,
  type BackendCapability,
  type MaskedInputRunner,
  type ModelBackend,
  type ModelDescription,
  type RunRequest,
  type RunResult,
  type WeightRandomizer,
} from '@polycam/core';
import type { InferenceSession } from 'onnxruntime-common';
import { wireOnnxModel } from '../wireOnnxModel.js';
import { describeOnnxModel } from './describeOnnxModel.js';
import type { OnnxModelSummary } from './OnnxModelSummary.js';
import { OnnxMaskedInputRunner } from './OnnxMaskedInputRunner.js';
import type { OnnxSessions } from './OnnxSessions.js';
import type { OnnxSessionSource } from './OnnxSessionSource.js';
import { OnnxWeightRandomizer } from './OnnxWeightRandomizer.js';
import { reachableOutputs } from './reachableOutputs.js';
import { runOnnxSession } from './runOnnxSession.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';
import { transposeImages } from './transposeImages.js';
import { withGraphOutputs } from './withGraphOutputs.js';

/** The oldest opset whose Resize takes `sizes` and half-pixel coordinates, as masking needs. */
const MIN_MASKED_INPUT_OPSET = 11;

/**
 * A {@link @polycam/core!index.ModelBackend | ModelBackend} over any ONNX runtime that speaks
 * `onnxruntime-common`'s `InferenceSession` (onnxruntime-node, onnxruntime-web, ...). A
 * runtime's backend extends it and only creates its sessions (see {@link OnnxRuntimeBinding}).
 *
 * The explained output is the load options' `output`: a graph output, or any intermediate float
 * tensor computed from the input, which every session then outputs too; its per-image shape is
 * the description's `output.shape` (`[C, H, W]` for a segmentation head's `[N, C, H, W]`).
 *
 * It keeps two sessions: a copy of the model whose graph also outputs every layer, for the
 * passes that tap layers (each call fetches only what it needs), and the model as it is, for
 * plain batched passes, created on the first plain run (a Poly-CAM explanation with in-runtime masking runs
 * none, so loading a model to explain it creates one session fewer). Opening runs one shape-probing pass to
 * describe every layer. A model with a fixed batch
 * axis is fed one fixed-size chunk at a time, padded at the end; a dynamic one takes the whole
 * batch at once. A channels-last (NHWC) model gets its images transposed at the edge.
 *
 * It declares `masked-inputs` for models of opset 11 or later (a third session, created on first
 * use, builds the masked images inside the runtime), and `weight-randomization` when the
 * subclass can reload rewritten bytes. ONNX runtimes have no gradients.
 *
 * @example
 * ```ts
 * class MyOnnxBackend extends OnnxSessionBackend {
 *   public readonly id = 'my-onnx';
 *   public static async load(bytes: Uint8Array): Promise<MyOnnxBackend> {
 *     return new MyOnnxBackend(await OnnxSessionBackend.openSessions({ bytes, name: 'the model', binding }));
 *   }
 * }
 * ```
 */
export abstract class OnnxSessionBackend implements ModelBackend {
  /** The runtime's id, such as `onnx`. */
  public abstract readonly id: string;
  /** Forward passes, plus `masked-inputs` and `weight-randomization` when present. */
  public readonly capabilities: ReadonlySet<BackendCapability>;
  /** The model's input, output and layers. */
  public readonly description: ModelDescription;
  /** Builds masked images inside the runtime; absent for models older than opset 11. */
  public readonly maskedInputs: MaskedInputRunner | undefined;
  /** Loads copies of the model with chosen layers' weights redrawn; absent unless the runtime can reload. */
  public readonly weightRandomizer: WeightRandomizer | undefined;
  readonly #sessions: OnnxSessions;
  #disposed = false;
  #plainUsed = false;

  /**
   * @param sessions - The opened model, from {@link OnnxSessionBackend.openSessions}.
   */
  protected constructor(sessions: OnnxSessions) {
    this.#sessions = sessions;
    this.description = sessions.description;
    this.maskedInputs = sessions.masked;
    this.weightRandomizer = sessions.randomizer;
    this.capabilities = backendCapabilities(this);
  }

  /**
   * Opens a model on a runtime: decodes and wires it, creates the tapped session (the plain one
   * waits for its first run),
   * and describes every layer with one probing pass.
   *
   * @param source - The bytes, the runtime binding and the options.
   * @returns The sessions, for a subclass's constructor.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` for a model
   *   that cannot be decoded, has no single float image input, or that the runtime refuses.
   */
  protected static async openSessions(source: OnnxSessionSource): Promise<OnnxSessions> {
    const { bytes, name, binding } = source;
    let summary: OnnxModelSummary;
    try {
      summary = summarizeOnnxModel(bytes);
    } catch (error) {
      throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: it cannot be decoded (${(error as Error).message})`, { cause: error });
    }
    const wiring = wireOnnxModel(summary, source.options ?? {}, name);
    source.checkWiring?.(wiring);
    const candidates = reachableOutputs(summary, wiring.input);
    const graphOutputs = summary.outputs.map((output) => output.name);
    const tapped = await binding.createSession(withGraphOutputs(bytes, candidates, graphOutputs));
    try {
      const description = await describeOnnxModel(binding, tapped, summary, wiring, candidates);
      // An intermediate tensor named as the output becomes a graph output of the plain and masked sessions too.
      const explained = graphOutputs.includes(wiring.output) ? bytes : withGraphOutputs(bytes, [wiring.output], graphOutputs);
      const masked = summary.opset >= MIN_MASKED_INPUT_OPSET ? new OnnxMaskedInputRunner({ bytes: explained, opset: summary.opset }, wiring, description, binding) : undefined;
      const randomizer = source.reload === undefined ? undefined : new OnnxWeightRandomizer(bytes, summary, source.reload);
      let plain: Promise<InferenceSession> | undefined;
      return { binding, wiring, description, plain: () => (plain ??= binding.createSession(explained)), tapped, masked, randomizer };
    } catch (error) {
      await tapped.release();
      throw error;
    }
  }

  /**
   * Runs a batch of any size, splitting it for a fixed batch axis.
   *
   * @param request - The images `[N, C, H, W]` and the layers to tap.
   * @param signal - Aborts between chunks.
   * @returns The outputs `[N, size]` (each image's output flattened row-major over
   *   `description.output.shape`) and the taps `[N, K_l, h_l, w_l]`.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-layer`,
   *   `invalid-argument`, `aborted`, `disposed` after {@link OnnxSessionBackend.dispose} or
   *   `backend-failure`.
   */
  public async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    if (this.#disposed) {
      throw new PolycamError('disposed', `the ${this.#sessions.binding.name} backend has been disposed`);
    }
    const taps = checkRunRequest(this.description, request, signal);
    const { binding, wiring, plain, tapped } = this.#sessions;
    const { imageShape, fixedBatchSize, layout, input, output } = wiring;
    const [channels, height, width] = imageShape;
    const count = request.input.shape[0]!;
    const chunk = fixedBatchSize ?? count;
    if (taps.length === 0) this.#plainUsed = true;
    const session = taps.length > 0 ? tapped : await plain();
    const fetches = [...new Set([output, ...taps])];
    const results = await runInChunks({
      count,
      chunk,
      signal,
      runtime: binding.name,
      items: { data: request.input.data, itemSize: channels * height * width },
      runChunk: (_start, _used, images) => {
        const feed =
          layout === 'NHWC'
            ? { data: transposeImages(images!, chunk, channels, height * width, true), dims: [chunk, height, width, channels] }
            : { data: images!, dims: [chunk, channels, height, width] };
        return runOnnxSession(binding, session, { [input]: feed }, fetches);
      },
    });
    return {
      output: { shape: [count, this.description.output.size], data: results.get(output)!.data },
      activations: new Map(taps.map((tap) => [tap, results.get(tap)!])),
    };
  }

  /**
   * Releases the sessions.
   *
   * @returns When they are released.
   */
  public async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    const { plain, tapped, masked } = this.#sessions;
    await Promise.all([this.#plainUsed ? plain().then((session) => session.release(), () => undefined) : undefined, tapped.release(), masked?.dispose()]);
  }
}
