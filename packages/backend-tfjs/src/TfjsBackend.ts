import {
  backendCapabilities,
  checkRunRequest,
  PolycamError,
  runInChunks,
  type BackendCapability,
  type GradientProvider,
  type InputLayout,
  type LayerInfo,
  type ModelBackend,
  type ModelDescription,
  type ModelSource,
  type RunRequest,
  type RunResult,
  type Tensor,
  type WeightRandomizer,
} from '@polycam/core';
import * as tf from '@tensorflow/tfjs-core';
import type { io } from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { detectTfjsLayout } from './edge/detectTfjsLayout.js';
import { toChannelsFirst } from './edge/toChannelsFirst.js';
import { toModelLayout } from './edge/toModelLayout.js';
import { TfjsGradientProvider } from './gradients/TfjsGradientProvider.js';
import { loadModelArtifacts } from './io/loadModelArtifacts.js';
import { GraphModelAdapter } from './model/GraphModelAdapter.js';
import { LayersModelAdapter } from './model/LayersModelAdapter.js';
import type { TfjsModelAdapter } from './model/TfjsModelAdapter.js';
import { activatePlatform } from './platform/activatePlatform.js';
import { tfBackendName } from './platform/tfBackendName.js';
import { TfjsWeightRandomizer } from './randomize/TfjsWeightRandomizer.js';
import type { TfjsPlatform } from './platform/TfjsPlatform.js';
import type { TfjsLoadOptions } from './TfjsLoadOptions.js';

/** The output's key among a chunk's fetched tensors, which no layer name can take. */
const OUTPUT = '\u0000output';

function channelsFirstShape(shape: readonly number[], layout: InputLayout): number[] {
  return layout === 'NHWC' && shape.length === 3 ? [shape[2]!, shape[0]!, shape[1]!] : [...shape];
}

async function openAdapter(artifacts: io.ModelArtifacts, path: string, output: string | undefined): Promise<TfjsModelAdapter> {
  const handler = { load: async () => artifacts };
  const topology = artifacts.modelTopology as { node?: { name: string; op: string }[] };
  try {
    if (artifacts.format === 'graph-model' || Array.isArray(topology.node)) {
      return new GraphModelAdapter(await loadGraphModel(handler), topology, output);
    }
    return new LayersModelAdapter(await loadLayersModel(handler), output);
  } catch (error) {
    if (error instanceof PolycamError) throw error;
    throw new PolycamError('invalid-model', `cannot load TF.js model '${path}': ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * A {@link @polycam/core!index.ModelBackend | ModelBackend} over TensorFlow.js, for LayersModels and GraphModels stored as
 * `model.json` plus weight files. It runs on WASM by default (or the pure-JavaScript CPU
 * backend, or libtensorflow when `@tensorflow/tfjs-node[-gpu]` is installed), converts between
 * polycam's NCHW and the model's NHWC at its edge, and provides the `gradients` capability.
 *
 * Every tensor a call creates is released before it returns: TF.js's tensor count after a run
 * equals the count before.
 *
 * @example
 * ```ts
 * const backend = await TfjsBackend.load({ path: 'model/model.json' }, { platform: 'wasm' });
 * try {
 *   const { output } = await backend.run({ input: batch });
 * } finally {
 *   await backend.dispose();
 * }
 * ```
 */
export class TfjsBackend implements ModelBackend {
  public readonly id = 'tfjs';
  /** `forward` and `gradients`, plus `weight-randomization` for a LayersModel. */
  public readonly capabilities: ReadonlySet<BackendCapability>;
  public readonly description: ModelDescription;
  public readonly gradients: GradientProvider;
  /** Copies of the model with re-initialised layers, for a LayersModel; undefined for a GraphModel. */
  public readonly weightRandomizer?: WeightRandomizer;
  /** The TF.js platform the model computes on. */
  public readonly platform: TfjsPlatform;
  /** `layers` for a LayersModel, `graph` for a GraphModel. */
  public readonly format: 'layers' | 'graph';
  readonly #adapter: TfjsModelAdapter;
  readonly #layout: InputLayout;
  #disposed = false;

  private constructor(adapter: TfjsModelAdapter, platform: TfjsPlatform, layout: InputLayout, reload: (artifacts: io.ModelArtifacts) => Promise<TfjsBackend>, readArtifacts: () => Promise<io.ModelArtifacts>) {
    this.#adapter = adapter;
    this.#layout = layout;
    this.platform = platform;
    this.format = adapter.format;
    const [, ...imageShape] = adapter.inputShape;
    const [channels, height, width] = channelsFirstShape(imageShape.map((axis) => axis ?? -1), layout);
    if ([channels, height, width].some((axis) => axis === undefined || axis < 1)) {
      throw new PolycamError('invalid-model', `input '${adapter.inputName}' has no fixed image size: [${adapter.inputShape.join(', ')}]`);
    }
    const batch = adapter.inputShape[0];
    this.description = {
      input: {
        name: adapter.inputName,
        shape: [channels!, height!, width!],
        layout,
        fixedBatchSize: batch === null || batch === undefined ? undefined : batch,
      },
      output: { name: adapter.outputName, shape: [adapter.outputSize], size: adapter.outputSize },
      layers: adapter.layers.map((layer): LayerInfo => ({ ...layer, shape: channelsFirstShape(layer.shape, layout) })),
    };
    const weights = adapter.parameterTensors;
    if (weights !== undefined) {
      this.weightRandomizer = new TfjsWeightRandomizer(weights, readArtifacts, reload);
    }
    this.gradients = new TfjsGradientProvider({
      adapter,
      layout,
      description: this.description,
      prepare: async (input, layer) => {
        checkRunRequest(this.description, { input, taps: [layer] });
        await this.#prepare();
      },
    });
    this.capabilities = backendCapabilities(this);
  }

  /**
   * Loads a TF.js model from a `model.json` file and the weight files next to it.
   *
   * @param source - `{ path }` of a `model.json`; in-memory bytes are refused (the weights live
   *   in other files).
   * @param options - Platform, threads, layout and output.
   * @returns The ready backend; dispose it when done.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found`, `invalid-model` (not a model, weight files
   *   missing), `invalid-argument` for bytes, `unsupported-capability` for a platform that is
   *   not installed.
   */
  public static async load(source: ModelSource, options: TfjsLoadOptions = {}): Promise<TfjsBackend> {
    if (!('path' in source)) {
      throw new PolycamError('invalid-argument', 'the TF.js backend loads a model.json from a path, not from bytes');
    }
    const platform = await activatePlatform(options.platform, options.threads);
    const { path } = source;
    return TfjsBackend.#fromArtifacts(() => loadModelArtifacts(path), path, platform, options);
  }

  static async #fromArtifacts(
    readArtifacts: () => Promise<io.ModelArtifacts>,
    path: string,
    platform: TfjsPlatform,
    options: TfjsLoadOptions,
  ): Promise<TfjsBackend> {
    const adapter = await openAdapter(await readArtifacts(), path, options.output);
    const reload = (changed: io.ModelArtifacts): Promise<TfjsBackend> =>
      TfjsBackend.#fromArtifacts(() => Promise.resolve(changed), path, platform, options);
    try {
      return new TfjsBackend(adapter, platform, options.layout ?? detectTfjsLayout(adapter.inputShape), reload, readArtifacts);
    } catch (error) {
      adapter.dispose();
      throw error;
    }
  }

  async #prepare(): Promise<void> {
    if (this.#disposed) {
      throw new PolycamError('disposed', 'the TF.js backend was disposed');
    }
    if (tf.getBackend() !== tfBackendName(this.platform)) {
      await activatePlatform(this.platform);
    }
  }

  /**
   * Runs a batch, in sub-batches of the model's fixed batch size when it has one.
   *
   * @param request - The NCHW batch and the taps.
   * @param signal - Aborts between sub-batches.
   * @returns The output and the channels-first taps.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-layer`, `invalid-argument` (an input that is not
   *   `[N, C, H, W]`, a disposed backend), `aborted` or `backend-failure`.
   */
  public async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    const taps = checkRunRequest(this.description, request, signal);
    await this.#prepare();
    const count = request.input.shape[0]!;
    const [channels, height, width] = request.input.shape.slice(1) as [number, number, number];
    const chunk = this.description.input.fixedBatchSize ?? count;
    const results = await runInChunks({
      count,
      chunk,
      signal,
      runtime: 'TF.js',
      items: { data: request.input.data, itemSize: channels * height * width },
      runChunk: (_start, _used, images) => {
        // Copies of the values: the CPU platform's dataSync hands out its own storage.
        const read = (tensor: tf.Tensor): Tensor => ({ shape: tensor.shape, data: (tensor.dataSync() as Float32Array).slice() });
        const fetched: [string, Tensor][] = [];
        tf.tidy(() => {
          const result = this.#adapter.execute(toModelLayout(images!, [chunk, channels, height, width], this.#layout), taps);
          fetched.push([OUTPUT, read(result.output)]);
          result.taps.forEach((tensor, index) => fetched.push([taps[index]!, read(toChannelsFirst(tensor, this.#layout))]));
        });
        return fetched;
      },
    });
    const activations = new Map<string, Tensor>(taps.map((tap) => [tap, results.get(tap)!]));
    return { output: { shape: [count, this.description.output.size], data: results.get(OUTPUT)!.data }, activations };
  }

  /**
   * Releases the model's weights.
   *
   * @returns When released.
   */
  public async dispose(): Promise<void> {
    if (!this.#disposed) {
      this.#disposed = true;
      this.#adapter.dispose();
    }
  }
}
