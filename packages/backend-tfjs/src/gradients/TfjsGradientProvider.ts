import {
  PolycamError,
  targetGradient,
  throwIfAborted,
  type GradientProvider,
  type InputLayout,
  type ModelDescription,
  type TargetFunction,
  type Tensor,
} from '@polycam/core';
import * as tf from '@tensorflow/tfjs-core';
import { fromChannelsFirst } from '../edge/fromChannelsFirst.js';
import { toChannelsFirst } from '../edge/toChannelsFirst.js';
import { toModelLayout } from '../edge/toModelLayout.js';
import type { TfjsModelAdapter } from '../model/TfjsModelAdapter.js';

/** What {@link TfjsGradientProvider} needs of its backend. */
export interface TfjsGradientContext {
  /** The model. */
  readonly adapter: TfjsModelAdapter;
  /** The model's layout. */
  readonly layout: InputLayout;
  /** The backend's description. */
  readonly description: ModelDescription;
  /** Checks the image and the layer name, and activates the backend's platform. */
  readonly prepare: (input: Tensor, layer: string) => Promise<void>;
}

function perImage(tensor: tf.Tensor, layout: InputLayout): Tensor {
  const channelsFirst = toChannelsFirst(tensor, layout);
  return { shape: channelsFirst.shape.slice(1), data: Float32Array.from(channelsFirst.dataSync()) };
}

/**
 * The TF.js backend's `gradients` capability: `∂s/∂A_layer` by reverse-mode differentiation of
 * the part of the model after the layer, seeded with the target's derivative with respect to
 * the output ({@link targetGradient}). On the WASM platform, the few backward kernels WASM lacks
 * run on the CPU backend (see `bridgeMissingWasmKernels`).
 *
 * @internal
 */
export class TfjsGradientProvider implements GradientProvider {
  readonly #context: TfjsGradientContext;

  /**
   * @param context - The backend's model, layout and checks.
   */
  public constructor(context: TfjsGradientContext) {
    this.#context = context;
  }

  /**
   * @param input - One NCHW image `[1, C, H, W]`.
   * @param layer - A layer from the description.
   * @param target - The score.
   * @param signal - Cancels before the work starts.
   * @returns The activation and its gradient, `[K, h, w]` each.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-layer`, `invalid-argument` for a batch of several
   *   images, `aborted` or `backend-failure`.
   */
  public async layerGradient(
    input: Tensor,
    layer: string,
    target: TargetFunction,
    signal?: AbortSignal,
  ): Promise<{ readonly activation: Tensor; readonly gradient: Tensor }> {
    const { adapter, layout, description } = this.#context;
    await this.#context.prepare(input, layer);
    throwIfAborted(signal);
    const [count, channels, height, width] = input.shape as [number, number, number, number];
    if (input.shape.length !== 4 || count !== 1) {
      throw new PolycamError('invalid-argument', `layer gradients take one image [1, C, H, W], got [${input.shape.join(', ')}]`);
    }
    const batch = description.input.fixedBatchSize ?? 1;
    const images = new Float32Array(batch * channels * height * width);
    images.set(input.data.subarray(0, channels * height * width));
    let result: { activation: Tensor; gradient: Tensor } | undefined;
    try {
      tf.tidy(() => {
        const image = toModelLayout(images, [batch, channels, height, width], layout);
        const { activation, head } = adapter.split(image, layer);
        const first = (tensor: tf.Tensor): Tensor => perImage(tf.slice(tensor, 0, 1), layout);
        if (head === undefined) {
          result = { activation: first(activation), gradient: first(tf.zerosLike(activation)) };
          return;
        }
        // The target reads the first image's output channels first, as run() gives it; its
        // gradient goes back to the model's layout as the seed.
        const output = toChannelsFirst(head(activation), layout);
        const seed = new Float32Array(output.size);
        seed.set(targetGradient(target, (output.dataSync() as Float32Array).slice(0, adapter.outputSize)));
        const seedTensor = fromChannelsFirst(tf.tensor(seed, output.shape), layout);
        const gradient = tf.grad((value: tf.Tensor) => tf.sum(tf.mul(head(value), seedTensor)))(activation);
        result = { activation: first(activation), gradient: first(gradient) };
      });
      return result!;
    } catch (error) {
      if (error instanceof PolycamError) throw error;
      throw new PolycamError('backend-failure', `TF.js could not differentiate at '${layer}': ${(error as Error).message.split('\n')[0]}`);
    }
  }
}
