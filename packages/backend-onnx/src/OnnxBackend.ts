import {
  nearestNames,
  PolycamError,
  throwIfAborted,
  type BackendCapability,
  type LayerInfo,
  type ModelBackend,
  type ModelDescription,
  type ModelSource,
  type RunRequest,
  type RunResult,
  type Tensor,
} from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { detectLayout } from './detectLayout.js';
import { reachableOutputs } from './onnx/reachableOutputs.js';
import { summarizeOnnxModel } from './onnx/summarizeOnnxModel.js';
import { withGraphOutputs } from './onnx/withGraphOutputs.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';
import { readModelBytes } from './readModelBytes.js';
import { transposeImages } from './transposeImages.js';

const FLOAT = 1;
const DEFAULT_SIZE: readonly [number, number] = [224, 224];

function invalidModel(name: string, why: string, cause?: unknown): PolycamError {
  return new PolycamError('invalid-model', `${name} is not a usable ONNX model: ${why}`, { cause });
}

async function createSession(bytes: Uint8Array, options: OnnxLoadOptions, name: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
      interOpNumThreads: 1,
      ...(options.threads === undefined ? {} : { intraOpNumThreads: options.threads }),
    });
  } catch (error) {
    throw invalidModel(name, (error as Error).message.split('\n')[0] ?? 'onnxruntime refused it', error);
  }
}

/** The parts of the model a run needs, fixed at load time. */
interface Wiring {
  readonly input: string;
  readonly output: string;
  readonly imageShape: readonly [number, number, number];
  readonly layout: 'NCHW' | 'NHWC';
  readonly fixedBatchSize: number | undefined;
}

/**
 * A {@link ModelBackend} over onnxruntime-node's CPU execution provider.
 *
 * It keeps two sessions: the model as it is, for the plain batched passes, and a copy whose
 * graph is rewritten so that every layer is also a graph output, for the passes that tap layers
 * (each call fetches only the outputs it needs). Loading runs one shape-probing pass to describe
 * every layer. A model with a fixed batch axis is fed one fixed-size chunk at a time, padded at
 * the end; a dynamic one takes the whole batch at once. ONNX Runtime has no gradients, so this
 * backend declares none.
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
  /** Forward passes only: onnxruntime cannot differentiate. */
  public readonly capabilities: ReadonlySet<BackendCapability> = new Set(['forward']);
  /** The model's input, output and layers. */
  public readonly description: ModelDescription;
  readonly #plain: ort.InferenceSession;
  readonly #tapped: ort.InferenceSession;
  readonly #wiring: Wiring;
  readonly #layerNames: ReadonlySet<string>;

  private constructor(
    plain: ort.InferenceSession,
    tapped: ort.InferenceSession,
    wiring: Wiring,
    description: ModelDescription,
  ) {
    this.#plain = plain;
    this.#tapped = tapped;
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
   * @throws {@link PolycamError} `file-not-found` for a missing file, `invalid-model` for a
   *   corrupt model or one without a single float image input.
   */
  public static async load(source: ModelSource, options: OnnxLoadOptions = {}): Promise<OnnxBackend> {
    const { bytes, name } = await readModelBytes(source);
    let summary;
    try {
      summary = summarizeOnnxModel(bytes);
    } catch (error) {
      throw invalidModel(name, `it cannot be decoded (${(error as Error).message})`, error);
    }
    const [input, ...otherInputs] = summary.inputs;
    if (input === undefined || otherInputs.length > 0) {
      throw invalidModel(name, `polycam needs exactly one image input, found ${summary.inputs.length}`);
    }
    if (input.dims.length !== 4 || input.elementType !== FLOAT) {
      throw invalidModel(name, `its input '${input.name}' is not a float32 image batch of rank 4`);
    }
    const output = options.output ?? summary.outputs[0]?.name;
    if (output === undefined || !summary.outputs.some((candidate) => candidate.name === output)) {
      throw invalidModel(name, `it has no graph output${options.output ? ` named '${options.output}'` : ''}`);
    }
    const layout = options.layout ?? detectLayout(input.dims);
    const [channelsDim, heightDim, widthDim] =
      layout === 'NCHW' ? [input.dims[1], input.dims[2], input.dims[3]] : [input.dims[3], input.dims[1], input.dims[2]];
    if (typeof channelsDim !== 'number') {
      throw invalidModel(name, `its input '${input.name}' has no fixed channel count`);
    }
    const size = options.inputSize ?? DEFAULT_SIZE;
    const wiring: Wiring = {
      input: input.name,
      output,
      imageShape: [channelsDim, typeof heightDim === 'number' ? heightDim : size[0], typeof widthDim === 'number' ? widthDim : size[1]],
      layout,
      fixedBatchSize: typeof input.dims[0] === 'number' ? input.dims[0] : undefined,
    };
    const candidates = reachableOutputs(summary, input.name);
    const outputNames = summary.outputs.map((candidate) => candidate.name);
    const plain = await createSession(bytes, options, name);
    let tapped: ort.InferenceSession | undefined;
    try {
      tapped = await createSession(withGraphOutputs(bytes, candidates, outputNames), options, name);
      const nodes = new Map(summary.nodes.flatMap((node) => node.outputs.map((tensor) => [tensor, node] as const)));
      const probe = await OnnxBackend.#probe(tapped, wiring, [output, ...candidates.filter((candidate) => candidate !== output)]);
      const outputTensor = probe.get(output);
      if (outputTensor === undefined || outputTensor.type !== 'float32') {
        throw invalidModel(name, `its output '${output}' is not a float32 tensor`);
      }
      const layers: LayerInfo[] = candidates.flatMap((candidate) => {
        const tensor = probe.get(candidate);
        if (tensor === undefined || tensor.type !== 'float32' || tensor.dims.length < 2) return [];
        const node = nodes.get(candidate);
        return [{ name: candidate, ...(node?.name ? { node: node.name } : {}), ...(node ? { op: node.op } : {}), shape: tensor.dims.slice(1) }];
      });
      const description: ModelDescription = {
        input: { name: input.name, shape: wiring.imageShape, layout, fixedBatchSize: wiring.fixedBatchSize },
        output: { name: output, size: outputTensor.dims.slice(1).reduce((product, dim) => product * dim, 1) },
        layers,
      };
      return new OnnxBackend(plain, tapped, wiring, description);
    } catch (error) {
      await plain.release();
      await tapped?.release();
      throw error;
    }
  }

  static async #probe(session: ort.InferenceSession, wiring: Wiring, fetches: readonly string[]): Promise<Map<string, ort.Tensor>> {
    const [channels, height, width] = wiring.imageShape;
    const batch = wiring.fixedBatchSize ?? 1;
    const dims = wiring.layout === 'NCHW' ? [batch, channels, height, width] : [batch, height, width, channels];
    const feeds = { [wiring.input]: new ort.Tensor('float32', new Float32Array(batch * channels * height * width), dims) };
    try {
      const results = await session.run(feeds, fetches);
      return new Map(Object.entries(results));
    } catch (error) {
      throw new PolycamError('invalid-model', `the model fails on a [${dims.join(',')}] input: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }

  /**
   * Runs a batch of any size, splitting it for a fixed batch axis.
   *
   * @param request - The images `[N, C, H, W]` and the layers to tap.
   * @param signal - Aborts between chunks.
   * @returns The outputs `[N, K]` and the taps `[N, K_l, h_l, w_l]`.
   * @throws {@link PolycamError} `unknown-layer`, `invalid-argument`, `aborted` or
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
    const { imageShape, fixedBatchSize } = this.#wiring;
    const [count, ...shape] = request.input.shape;
    if (count === undefined || count < 1 || shape.join() !== imageShape.join()) {
      throw new PolycamError('invalid-argument', `the model takes [N,${imageShape.join(',')}] inputs, got [${request.input.shape.join(',')}]`);
    }
    const chunk = fixedBatchSize ?? count;
    const imageSize = imageShape[0] * imageShape[1] * imageShape[2];
    const fetches = [this.#wiring.output, ...taps];
    const collected = new Map<string, { dims: number[]; parts: Float32Array[] }>();
    for (let start = 0; start < count; start += chunk) {
      throwIfAborted(signal);
      const used = Math.min(chunk, count - start);
      const images = request.input.data.subarray(start * imageSize, (start + used) * imageSize);
      const results = await this.#runChunk(taps.length > 0 ? this.#tapped : this.#plain, images, chunk, fetches);
      for (const name of fetches) {
        const tensor = results[name]!;
        const perImage = tensor.dims.slice(1).reduce((product, dim) => product * dim, 1);
        const entry = collected.get(name) ?? { dims: tensor.dims.slice(1), parts: [] };
        entry.parts.push((tensor.data as Float32Array).subarray(0, used * perImage));
        collected.set(name, entry);
      }
    }
    const assemble = (name: string): Tensor => {
      const { dims, parts } = collected.get(name)!;
      const data = parts.length === 1 ? parts[0]! : new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
      if (parts.length > 1) {
        let offset = 0;
        for (const part of parts) {
          data.set(part, offset);
          offset += part.length;
        }
      }
      return { shape: [count, ...dims], data };
    };
    const output = assemble(this.#wiring.output);
    return {
      output: { shape: [count, this.description.output.size], data: output.data },
      activations: new Map(taps.map((tap) => [tap, assemble(tap)])),
    };
  }

  async #runChunk(
    session: ort.InferenceSession,
    images: Float32Array,
    chunk: number,
    fetches: readonly string[],
  ): Promise<ort.InferenceSession.ReturnType> {
    const { imageShape, layout, input } = this.#wiring;
    const [channels, height, width] = imageShape;
    const imageSize = channels * height * width;
    let data = images;
    if (data.length < chunk * imageSize) {
      data = new Float32Array(chunk * imageSize); // pad a fixed-size batch
      data.set(images);
    }
    const dims = layout === 'NCHW' ? [chunk, channels, height, width] : [chunk, height, width, channels];
    if (layout === 'NHWC') {
      data = transposeImages(data, chunk, channels, height * width, true);
    }
    try {
      return await session.run({ [input]: new ort.Tensor('float32', data, dims) }, fetches);
    } catch (error) {
      throw new PolycamError('backend-failure', `onnxruntime failed: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }

  /**
   * Releases both onnxruntime sessions.
   *
   * @returns When they are released.
   */
  public async dispose(): Promise<void> {
    await Promise.all([this.#plain.release(), this.#tapped.release()]);
  }
}
