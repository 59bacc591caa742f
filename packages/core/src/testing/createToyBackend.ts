import type { BackendCapability } from '../backend/BackendCapability.js';
import type { LayerInfo } from '../backend/LayerInfo.js';
import type { MaskedInputRunner } from '../backend/MaskedInputRunner.js';
import type { ModelBackend } from '../backend/ModelBackend.js';
import type { ModelDescription } from '../backend/ModelDescription.js';
import type { RunRequest } from '../backend/RunRequest.js';
import type { RunResult } from '../backend/RunResult.js';
import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import { resizeBilinear } from '../kernels/resizeBilinear.js';
import { nearestNames } from '../layers/nearestNames.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { GradientProvider } from '../backend/GradientProvider.js';
import { targetGradient } from '../target/targetGradient.js';
import { createToyNetwork } from './toyNetwork.js';

/** Options of {@link createToyBackend}. */
export interface ToyBackendOptions {
  /** Seeds the weights. Default 7. */
  readonly seed?: number;
  /** Makes the model accept only batches of this size, to exercise batch splitting. */
  readonly fixedBatchSize?: number;
  /** Called with the batch size of every forward run, to observe batching in tests. */
  readonly onRun?: (batchSize: number) => void;
  /**
   * Declares the `masked-inputs` capability, with a reference implementation in plain
   * TypeScript, to exercise the code paths that use it.
   */
  readonly maskedInputs?: boolean;
  /**
   * Declares the `gradients` capability, computing `∂s/∂A_layer` by exact back-propagation in
   * plain TypeScript (the target's {@link targetGradient} chained back through the network), to
   * test gradient methods without a runtime. Each call counts as one run for `onRun`.
   */
  readonly gradients?: boolean;
}

/**
 * A tiny convolutional network in plain TypeScript that implements {@link ModelBackend}: a
 * reference backend for conformance suites and pipeline tests, with no runtime to install.
 *
 * Input `[3, 16, 16]`; conv3×3(4) → ReLU → maxpool → conv3×3(6) → ReLU → maxpool → global
 * average pool → flatten → linear(5). Its layers are named `conv1`, `relu1`, `pool1`, `conv2`,
 * `relu2`, `pool2`, `gap`, `flatten` and `logits`; auto discovery picks `relu1`, `relu2` and
 * `pool2`. The weights are seeded random. With `gradients: true` it also differentiates, exactly.
 *
 * @param options - Seed, fixed batch size, a run observer and the optional capabilities.
 * @returns The backend.
 */
export function createToyBackend(options: ToyBackendOptions = {}): ModelBackend {
  const network = createToyNetwork(options.seed ?? 7);
  const layers: LayerInfo[] = [
    { name: 'conv1', op: 'Conv', shape: [4, 16, 16] },
    { name: 'relu1', op: 'Relu', shape: [4, 16, 16] },
    { name: 'pool1', op: 'MaxPool', shape: [4, 8, 8] },
    { name: 'conv2', op: 'Conv', shape: [6, 8, 8] },
    { name: 'relu2', op: 'Relu', shape: [6, 8, 8] },
    { name: 'pool2', op: 'MaxPool', shape: [6, 4, 4] },
    { name: 'gap', op: 'GlobalAveragePool', shape: [6, 1, 1] },
    { name: 'flatten', op: 'Flatten', shape: [6] },
    { name: 'logits', op: 'Gemm', shape: [5] },
  ];
  const description: ModelDescription = {
    input: { name: 'input', shape: [3, 16, 16], layout: 'NCHW', fixedBatchSize: options.fixedBatchSize },
    output: { name: 'logits', size: 5 },
    layers,
  };

  const forward = (image: Float32Array): Map<string, Float32Array> => network.forward(image);

  async function run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    throwIfAborted(signal);
    const taps = request.taps ?? [];
    for (const tap of taps) {
      if (!layers.some((layer) => layer.name === tap)) {
        throw new PolycamError(
          'unknown-layer',
          `layer '${tap}' does not exist; nearest: ${nearestNames(tap, layers.map((layer) => layer.name)).join(', ')}`,
        );
      }
    }
    const [count, ...imageShape] = request.input.shape;
    if (count === undefined || imageShape.join() !== '3,16,16') {
      throw new PolycamError('invalid-argument', `the toy model takes [N,3,16,16], got [${request.input.shape.join(',')}]`);
    }
    const chunk = options.fixedBatchSize ?? count;
    const imageSize = 3 * 16 * 16;
    const outputs = new Float32Array(count * 5);
    const tapped = new Map(taps.map((tap) => [tap, [] as Float32Array[]]));
    for (let start = 0; start < count; start += chunk) {
      throwIfAborted(signal);
      options.onRun?.(Math.min(chunk, count - start));
      for (let image = start; image < Math.min(start + chunk, count); image += 1) {
        const values = forward(request.input.data.slice(image * imageSize, (image + 1) * imageSize));
        outputs.set(values.get('logits')!, image * 5);
        for (const tap of taps) tapped.get(tap)!.push(values.get(tap)!);
      }
    }
    const activations = new Map<string, Tensor>();
    for (const tap of taps) {
      const shape = layers.find((layer) => layer.name === tap)!.shape;
      const parts = tapped.get(tap)!;
      const data = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
      parts.forEach((part, index) => data.set(part, index * part.length));
      activations.set(tap, { shape: [count, ...shape], data });
    }
    return { output: { shape: [count, 5], data: outputs }, activations };
  }

  const maskedInputs: MaskedInputRunner = {
    runMasked: async ({ image, masks }, signal) => {
      const [count, maskHeight, maskWidth] = masks.shape as [number, number, number];
      const images = new Float32Array(count * 768);
      for (let slot = 0; slot < count; slot += 1) {
        const plane = masks.data.subarray(slot * maskHeight * maskWidth, (slot + 1) * maskHeight * maskWidth);
        const mask = resizeBilinear({ height: maskHeight, width: maskWidth, data: plane }, 16, 16).data;
        for (let value = 0; value < 768; value += 1) images[slot * 768 + value] = image.data[value]! * mask[value % 256]!;
      }
      return run({ input: { shape: [count, 3, 16, 16], data: images } }, signal);
    },
  };
  const gradients: GradientProvider = {
    layerGradient: async (input, layer, target, signal) => {
      throwIfAborted(signal);
      const info = layers.find((candidate) => candidate.name === layer);
      if (info === undefined) {
        throw new PolycamError('unknown-layer', `layer '${layer}' does not exist; nearest: ${nearestNames(layer, layers.map((known) => known.name)).join(', ')}`);
      }
      if (input.shape.join() !== '1,3,16,16') {
        throw new PolycamError('invalid-argument', `the toy model differentiates one [1,3,16,16] image, got [${input.shape.join(',')}]`);
      }
      options.onRun?.(1);
      const values = forward(input.data.slice());
      const gradient = network.backward(values, layer, targetGradient(target, values.get('logits')!));
      return { activation: { shape: info.shape, data: values.get(layer)! }, gradient: { shape: info.shape, data: gradient } };
    },
  };
  const capabilities: BackendCapability[] = [
    'forward',
    ...(options.maskedInputs ? ['masked-inputs'] : []),
    ...(options.gradients ? ['gradients'] : []),
  ];
  return {
    id: 'toy',
    capabilities: new Set<BackendCapability>(capabilities),
    description,
    ...(options.maskedInputs ? { maskedInputs } : {}),
    ...(options.gradients ? { gradients } : {}),
    run,
    dispose: async () => {},
  };
}
