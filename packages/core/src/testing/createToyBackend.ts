import { backendCapabilities } from '../backend/backendCapabilities.js';
import { checkMaskedRunRequest } from '../backend/checkMaskedRunRequest.js';
import { checkRunRequest } from '../backend/checkRunRequest.js';
import type { LayerInfo } from '../backend/LayerInfo.js';
import type { MaskedInputRunner } from '../backend/MaskedInputRunner.js';
import type { ModelBackend } from '../backend/ModelBackend.js';
import type { ModelDescription } from '../backend/ModelDescription.js';
import type { RunRequest } from '../backend/RunRequest.js';
import type { RunResult } from '../backend/RunResult.js';
import { runInChunks } from '../backend/runInChunks.js';
import { PolycamError } from '../errors/PolycamError.js';
import { resizeBilinear } from '../kernels/resizeBilinear.js';
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
    output: { name: 'logits', shape: [5], size: 5 },
    layers,
  };

  const forward = (image: Float32Array): Map<string, Float32Array> => network.forward(image);

  async function run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    const taps = checkRunRequest(description, request, signal);
    const count = request.input.shape[0]!;
    const imageSize = 3 * 16 * 16;
    const results = await runInChunks({
      count,
      chunk: options.fixedBatchSize ?? count,
      signal,
      runtime: 'the toy model',
      runChunk: (start, used) => {
        options.onRun?.(used);
        const values = Array.from({ length: used }, (_, index) => forward(request.input.data.slice((start + index) * imageSize, (start + index + 1) * imageSize)));
        return ['logits', ...taps].map((name) => {
          const shape = layers.find((layer) => layer.name === name)!.shape;
          const size = shape.reduce((product, axis) => product * axis, 1);
          const data = new Float32Array(used * size);
          values.forEach((layer, index) => data.set(layer.get(name)!, index * size));
          return [name, { shape: [used, ...shape], data }] as const;
        });
      },
    });
    return { output: results.get('logits')!, activations: new Map(taps.map((tap) => [tap, results.get(tap)!])) };
  }

  const maskedInputs: MaskedInputRunner = {
    runMasked: async (request, signal) => {
      const [count, maskHeight, maskWidth] = checkMaskedRunRequest(description, request, signal);
      const { image, masks } = request;
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
      checkRunRequest(description, { input, taps: [layer] }, signal);
      if (input.shape[0] !== 1) {
        throw new PolycamError('invalid-argument', `the toy model differentiates one [1,3,16,16] image, got [${input.shape.join(',')}]`);
      }
      const info = layers.find((candidate) => candidate.name === layer)!;
      options.onRun?.(1);
      const values = forward(input.data.slice());
      const gradient = network.backward(values, layer, targetGradient(target, values.get('logits')!));
      return { activation: { shape: info.shape, data: values.get(layer)! }, gradient: { shape: info.shape, data: gradient } };
    },
  };
  const services = { ...(options.maskedInputs ? { maskedInputs } : {}), ...(options.gradients ? { gradients } : {}) };
  return {
    id: 'toy',
    capabilities: backendCapabilities(services),
    description,
    ...services,
    run,
    dispose: async () => {},
  };
}
