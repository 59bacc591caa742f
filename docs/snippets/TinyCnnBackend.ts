import {
  backendCapabilities,
  checkRunRequest,
  PolycamError,
  throwIfAborted,
  type BackendCapability,
  type ModelBackend,
  type ModelDescription,
  type RunRequest,
  type RunResult,
  type Tensor,
} from '@polycam/core';
import type { TinyCnnWeights } from './TinyCnnWeights.js';

/**
 * A {@link ModelBackend} whose "runtime" is a few loops of plain TypeScript, so that the guide
 * shows the contract and nothing else. The model: `conv` (1×1 convolution) → `relu` → `pool`
 * (2×2 average pooling) → `gap` (global mean) → `logits` (linear). A backend for a real runtime
 * keeps this shape and replaces `forward` with a call into the runtime.
 */
export class TinyCnnBackend implements ModelBackend {
  /** The runtime's id, which `loadModel(..., { backend })` can name. */
  public readonly id = 'tiny-cnn';
  /** Derived from the optional services, of which it has none: just `forward`. */
  public readonly capabilities: ReadonlySet<BackendCapability> = backendCapabilities(this);
  /** The input, the output and every tappable layer, in forward order. */
  public readonly description: ModelDescription;
  readonly #weights: TinyCnnWeights;

  /**
   * @param weights - The model's weights.
   * @throws {@link PolycamError} `invalid-model` when the weights do not fit together.
   */
  public constructor(weights: TinyCnnWeights) {
    const { size, channels: k, classes } = weights;
    if (size % 2 !== 0 || weights.conv.length !== k * 3 || weights.linear.length !== classes * k) {
      throw new PolycamError('invalid-model', 'tiny-cnn weights do not match their sizes');
    }
    this.#weights = weights;
    this.description = {
      input: { name: 'image', shape: [3, size, size], layout: 'NCHW', fixedBatchSize: undefined },
      output: { name: 'logits', shape: [classes], size: classes },
      layers: [
        { name: 'conv', op: 'Conv', shape: [k, size, size] },
        { name: 'relu', op: 'Relu', shape: [k, size, size] },
        { name: 'pool', op: 'AveragePool', shape: [k, size / 2, size / 2] },
        { name: 'gap', op: 'GlobalAveragePool', shape: [k, 1, 1] },
        { name: 'logits', op: 'Gemm', shape: [classes] },
      ],
    };
  }

  /**
   * Runs a batch, one image at a time, and gathers the requested taps.
   *
   * @param request - The `[N, 3, size, size]` batch and the taps to return.
   * @param signal - Cancels between images.
   * @returns The `[N, classes]` logits and each tap as `[N, ...shape]`.
   * @throws {@link PolycamError} `unknown-layer` for a tap the model lacks, `invalid-argument`
   *   for a batch of the wrong shape, `aborted` when the signal fires.
   */
  public async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    // The signal, the taps and the input's shape, checked as every backend must.
    const taps = checkRunRequest(this.description, request, signal);
    const count = request.input.shape[0]!;
    const imageSize = request.input.data.length / count;
    const values = new Map<string, Float32Array[]>([['logits', []], ...taps.map((tap): [string, Float32Array[]] => [tap, []])]);
    for (let image = 0; image < count; image += 1) {
      throwIfAborted(signal);
      const layers = this.forward(request.input.data.subarray(image * imageSize, (image + 1) * imageSize));
      for (const [name, parts] of values) parts.push(layers.get(name)!);
    }
    const stack = (name: string): Tensor => {
      const shape = this.description.layers.find((layer) => layer.name === name)!.shape;
      const data = new Float32Array(count * shape.reduce((product, axis) => product * axis, 1));
      values.get(name)!.forEach((part, index) => data.set(part, index * part.length));
      return { shape: [count, ...shape], data };
    };
    return { output: stack('logits'), activations: new Map(taps.map((tap) => [tap, stack(tap)])) };
  }

  /**
   * Nothing to release: the model is plain arrays.
   *
   * @returns At once.
   */
  public async dispose(): Promise<void> {}

  /** Every layer's values for one `[3, size, size]` image, channels first. */
  private forward(image: Float32Array): Map<string, Float32Array> {
    const { size, channels: k, classes, conv: w, linear } = this.#weights;
    const pixels = size * size;
    const half = size / 2;
    const conv = new Float32Array(k * pixels);
    for (let c = 0; c < k; c += 1) {
      for (let p = 0; p < pixels; p += 1) {
        conv[c * pixels + p] = w[c * 3]! * image[p]! + w[c * 3 + 1]! * image[pixels + p]! + w[c * 3 + 2]! * image[2 * pixels + p]!;
      }
    }
    const relu = conv.map((value) => Math.max(value, 0));
    const pool = new Float32Array(k * half * half);
    const means = new Float32Array(k);
    for (let c = 0; c < k; c += 1) {
      for (let y = 0; y < half; y += 1) {
        for (let x = 0; x < half; x += 1) {
          const at = (dy: number, dx: number): number => relu[c * pixels + (2 * y + dy) * size + 2 * x + dx]!;
          const value = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4;
          pool[(c * half + y) * half + x] = value;
          means[c]! += value / (half * half);
        }
      }
    }
    const logits = new Float32Array(classes);
    for (let j = 0; j < classes; j += 1) {
      for (let c = 0; c < k; c += 1) logits[j]! += linear[j * k + c]! * means[c]!;
    }
    return new Map([['conv', conv], ['relu', relu], ['pool', pool], ['gap', means], ['logits', logits]]);
  }
}
