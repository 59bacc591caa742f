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
import { seededRandom } from '../random/seededRandom.js';

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
}

interface Plane3 {
  channels: number;
  height: number;
  width: number;
  data: Float32Array;
}

function conv3x3(input: Plane3, weights: Float32Array, bias: Float32Array, outChannels: number): Plane3 {
  const { channels, height, width } = input;
  const output = new Float32Array(outChannels * height * width);
  for (let out = 0; out < outChannels; out += 1) {
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let sum = bias[out]!;
        for (let c = 0; c < channels; c += 1) {
          for (let dy = -1; dy <= 1; dy += 1) {
            for (let dx = -1; dx <= 1; dx += 1) {
              const yy = y + dy;
              const xx = x + dx;
              if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                const w = weights[((out * channels + c) * 3 + (dy + 1)) * 3 + (dx + 1)]!;
                sum += w * input.data[(c * height + yy) * width + xx]!;
              }
            }
          }
        }
        output[(out * height + y) * width + x] = sum;
      }
    }
  }
  return { channels: outChannels, height, width, data: output };
}

function reluPlane(input: Plane3): Plane3 {
  return { ...input, data: input.data.map((value) => (value > 0 ? value : 0)) };
}

function maxPool2(input: Plane3): Plane3 {
  const height = input.height >> 1;
  const width = input.width >> 1;
  const output = new Float32Array(input.channels * height * width);
  for (let c = 0; c < input.channels; c += 1) {
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let best = -Infinity;
        for (let dy = 0; dy < 2; dy += 1) {
          for (let dx = 0; dx < 2; dx += 1) {
            best = Math.max(best, input.data[(c * input.height + 2 * y + dy) * input.width + 2 * x + dx]!);
          }
        }
        output[(c * height + y) * width + x] = best;
      }
    }
  }
  return { channels: input.channels, height, width, data: output };
}

function globalAveragePool(input: Plane3): Plane3 {
  const size = input.height * input.width;
  const output = new Float32Array(input.channels);
  for (let c = 0; c < input.channels; c += 1) {
    let sum = 0;
    for (let index = 0; index < size; index += 1) sum += input.data[c * size + index]!;
    output[c] = sum / size;
  }
  return { channels: input.channels, height: 1, width: 1, data: output };
}

/**
 * A tiny convolutional network in plain TypeScript that implements {@link ModelBackend}: a
 * reference backend for conformance suites and pipeline tests, with no runtime to install.
 *
 * Input `[3, 16, 16]`; conv3×3(4) → ReLU → maxpool → conv3×3(6) → ReLU → maxpool → global
 * average pool → flatten → linear(5). Its layers are named `conv1`, `relu1`, `pool1`, `conv2`,
 * `relu2`, `pool2`, `gap`, `flatten` and `logits`; auto discovery picks `relu1`, `relu2` and
 * `pool2`. The weights are seeded random.
 *
 * @param options - Seed, fixed batch size and a run observer.
 * @returns The backend.
 */
export function createToyBackend(options: ToyBackendOptions = {}): ModelBackend {
  const random = seededRandom(options.seed ?? 7);
  const draw = (count: number, scale: number): Float32Array =>
    Float32Array.from({ length: count }, () => (random() * 2 - 1) * scale);
  const conv1 = { weights: draw(4 * 3 * 9, 0.5), bias: draw(4, 0.1) };
  const conv2 = { weights: draw(6 * 4 * 9, 0.4), bias: draw(6, 0.1) };
  const linear = { weights: draw(5 * 6, 1.5), bias: draw(5, 0.2) };
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

  function forward(image: Float32Array): Map<string, Float32Array> {
    const values = new Map<string, Float32Array>();
    let x: Plane3 = { channels: 3, height: 16, width: 16, data: image };
    const steps: [string, (plane: Plane3) => Plane3][] = [
      ['conv1', (plane) => conv3x3(plane, conv1.weights, conv1.bias, 4)],
      ['relu1', reluPlane],
      ['pool1', maxPool2],
      ['conv2', (plane) => conv3x3(plane, conv2.weights, conv2.bias, 6)],
      ['relu2', reluPlane],
      ['pool2', maxPool2],
      ['gap', globalAveragePool],
    ];
    for (const [name, step] of steps) {
      x = step(x);
      values.set(name, x.data);
    }
    values.set('flatten', x.data);
    const logits = new Float32Array(5);
    for (let out = 0; out < 5; out += 1) {
      let sum = linear.bias[out]!;
      for (let c = 0; c < 6; c += 1) sum += linear.weights[out * 6 + c]! * x.data[c]!;
      logits[out] = sum;
    }
    values.set('logits', logits);
    return values;
  }

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
  return {
    id: 'toy',
    capabilities: new Set<BackendCapability>(options.maskedInputs ? ['forward', 'masked-inputs'] : ['forward']),
    description,
    ...(options.maskedInputs ? { maskedInputs } : {}),
    run,
    dispose: async () => {},
  };
}
