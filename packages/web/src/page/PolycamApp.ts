import { imagenetStatistics, PolycamError, preprocessImage, type ImagePixels, type Map2D } from '@polycam/core';
import type { OrtWebDevice } from '@polycam/backend-onnx-web';
import type { ModelInfo } from '../worker/ModelInfo.js';
import type { ExplainChoice } from './ExplainChoice.js';
import type { WorkerResult } from '../worker/WorkerResult.js';
import { ExplainClient } from './ExplainClient.js';
import { decodeImage } from './decodeImage.js';
import type { ModelMetadata } from './ModelMetadata.js';
import { parseNumberList } from './parseNumberList.js';
import type { PageView } from './PageView.js';

/** One image the user gave, decoded for the current model's channels. */
interface LoadedImage {
  readonly name: string;
  readonly blob: Blob;
  pixels: ImagePixels | undefined;
}

/**
 * The page's state and its one explain path: the model and images the user gave, the worker
 * that runs the model, and the explanations, which the controls, the comparison grids and
 * `window.polycam.explain()` all request through {@link PolycamApp.explain}.
 */
export class PolycamApp {
  private client: ExplainClient;
  private model: { bytes: Uint8Array; name: string; metadata: ModelMetadata | undefined; info: ModelInfo; url?: string } | undefined;
  private readonly images: LoadedImage[] = [];
  private active = -1;
  private running = false;
  /** The top classes of the active image. */
  public top: readonly { index: number; score: number }[] = [];

  /**
   * @param view - The page's elements.
   * @param threads - The WASM threads to start with.
   * @param device - The device to start with.
   */
  public constructor(
    private readonly view: PageView,
    threads: number,
    device: OrtWebDevice,
  ) {
    this.client = new ExplainClient(threads, device);
  }

  /** The loaded model's description, if any. */
  public get info(): ModelInfo | undefined {
    return this.model?.info;
  }

  /** The loaded model's metadata, if any. */
  public get metadata(): ModelMetadata | undefined {
    return this.model?.metadata;
  }

  /** The URL the model was fetched from, if it was. */
  public get modelUrl(): string | undefined {
    return this.model?.url;
  }

  /** The active image's pixels and name. */
  public get image(): { name: string; pixels: ImagePixels } | undefined {
    const image = this.images[this.active];
    return image?.pixels === undefined ? undefined : { name: image.name, pixels: image.pixels };
  }

  /** The images given, by name. */
  public get imageNames(): string[] {
    return this.images.map((image) => image.name);
  }

  /** Whether an explanation is running. */
  public get busy(): boolean {
    return this.running;
  }

  /** The runtime the worker uses. */
  public get runtime(): { threads: number; device: OrtWebDevice } {
    return { threads: this.client.threads, device: this.client.device };
  }

  /**
   * Starts a new worker with another thread count or device, and reloads the model in it.
   *
   * @param threads - WASM threads.
   * @param device - `wasm` or `webgpu`.
   */
  public async setRuntime(threads: number, device: OrtWebDevice): Promise<void> {
    this.client.terminate();
    this.client = new ExplainClient(threads, device);
    if (this.model) await this.openModel(this.model.bytes, this.model.name, this.model.metadata, this.model.url);
  }

  /**
   * Loads a model into the worker, then redecodes the images for its channels and ranks the
   * active image's classes.
   *
   * @param bytes - The `.onnx` bytes.
   * @param name - Its file name.
   * @param metadata - Its metadata, if any.
   * @param url - Where it was fetched from, if it was.
   * @returns The model's description.
   */
  public async openModel(bytes: Uint8Array, name: string, metadata: ModelMetadata | undefined, url?: string): Promise<ModelInfo> {
    const info = await this.client.load(bytes, name);
    this.model = { bytes, name, metadata, info, ...(url === undefined ? {} : { url }) };
    for (const image of this.images) image.pixels = undefined;
    this.view.showModel(info, name, metadata);
    if (this.active >= 0) await this.select(this.active);
    return info;
  }

  /**
   * Adds images and makes the first of them active.
   *
   * @param files - The image files.
   * @returns When the first is decoded and its classes ranked.
   */
  public async addImages(files: readonly { name: string; blob: Blob }[]): Promise<void> {
    if (files.length === 0) return;
    const first = this.images.length;
    for (const file of files) this.images.push({ name: file.name, blob: file.blob, pixels: undefined });
    this.view.showImages(this.images.map((image) => ({ name: image.name, blob: image.blob })));
    await this.select(first);
  }

  /**
   * Makes an image active: decodes it for the model's channels, ranks its classes.
   *
   * @param index - Its position in the list.
   */
  public async select(index: number): Promise<void> {
    const image = this.images[index];
    if (image === undefined) return;
    this.active = index;
    this.view.markImage(index);
    const info = this.info;
    if (info === undefined) return;
    image.pixels ??= await decodeImage(image.blob, info.inputShape[0], image.name);
    this.view.showImage(image.pixels);
    this.top = await this.client.classify(this.preprocess(image.pixels).data, info.inputShape);
    this.view.showClasses(this.top, this.metadata?.classes);
  }

  /** The mean and std the page would use: the fields' values, checked against the channels. */
  private statistics(): { mean: number[]; std: number[] } {
    const channels = this.info?.inputShape[0] ?? 3;
    const mean = parseNumberList('mean', this.view.meanText(), channels);
    const std = parseNumberList('std', this.view.stdText(), channels);
    if (std.some((value) => value <= 0)) throw new PolycamError('invalid-argument', `std values must be positive, got ${std.join(',')}`);
    return { mean, std };
  }

  /**
   * The default normalisation for a model: its metadata's, or ImageNet's for an RGB model.
   *
   * @param channels - The input's channels.
   * @param metadata - The model's metadata.
   * @returns The mean and std as the fields show them (empty when there is no default).
   */
  public static defaultStatistics(channels: number, metadata: ModelMetadata | undefined): { mean: string; std: string } {
    const pick = (values: readonly number[] | undefined, fallback: readonly number[]): string =>
      (values ?? (channels === fallback.length ? fallback : [])).join(', ');
    return { mean: pick(metadata?.mean, imagenetStatistics.mean), std: pick(metadata?.std, imagenetStatistics.std) };
  }

  /** The image preprocessed as `polycam explain` does: resized to the input, scaled, normalised. */
  private preprocess(pixels: ImagePixels): { data: Float32Array } {
    const [, height, width] = this.info!.inputShape;
    return preprocessImage(pixels, { height, width, ...this.statistics() });
  }

  /**
   * Explains the active image: the one path every explanation in the page takes.
   *
   * @param choice - The method, class and layers; the controls' values for anything left out.
   * @returns The maps.
   * @throws {@link PolycamError} for bad input (one line), `aborted` when cancelled.
   */
  public async explain(choice: ExplainChoice = {}): Promise<WorkerResult> {
    const info = this.info;
    const image = this.image;
    if (info === undefined) throw new PolycamError('invalid-argument', 'load a model first');
    if (image === undefined) throw new PolycamError('invalid-argument', 'add an image first');
    if (this.running) throw new PolycamError('invalid-argument', 'an explanation is already running');
    const method = choice.method ?? this.view.method();
    const classIndex = 'classIndex' in choice ? choice.classIndex : this.view.classIndex();
    const layers = 'layers' in choice ? choice.layers : this.view.layers();
    const input = this.preprocess(image.pixels).data;
    this.running = true;
    this.view.showRunning(true);
    try {
      return await this.client.explain(
        {
          input,
          shape: info.inputShape,
          method,
          ...(classIndex === undefined ? {} : { classIndex }),
          ...(layers === undefined ? {} : { layers }),
        },
        (done, total) => this.view.showProgress(done, total),
      );
    } finally {
      this.running = false;
      this.view.showRunning(false);
    }
  }

  /** Cancels the running explanation; it rejects with kind `aborted` within one batch. */
  public cancel(): void {
    if (this.running) this.client.cancel();
  }

  /**
   * A map from a result, as core's `Map2D`.
   *
   * @param result - A worker result.
   * @param stage - A stage's index in forward order, or undefined for the final map.
   * @returns The map.
   */
  public static mapOf(result: WorkerResult, stage?: number): Map2D {
    const data = stage === undefined ? result.map : (result.stages[stage]?.map ?? result.map);
    return { height: result.height, width: result.width, data };
  }
}
