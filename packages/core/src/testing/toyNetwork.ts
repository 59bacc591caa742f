import { seededRandom } from '../random/seededRandom.js';

interface Plane3 {
  channels: number;
  height: number;
  width: number;
  data: Float32Array;
}

/** The shapes of the toy network's values, `[K, h, w]`, in forward order. */
const SHAPES: readonly (readonly [string, readonly number[]])[] = [
  ['conv1', [4, 16, 16]],
  ['relu1', [4, 16, 16]],
  ['pool1', [4, 8, 8]],
  ['conv2', [6, 8, 8]],
  ['relu2', [6, 8, 8]],
  ['pool2', [6, 4, 4]],
  ['gap', [6, 1, 1]],
  ['flatten', [6]],
  ['logits', [5]],
];

function plane(shape: readonly number[], data: Float32Array): Plane3 {
  return { channels: shape[0]!, height: shape[1] ?? 1, width: shape[2] ?? 1, data };
}

/** Visits every (out, c, y, x, yy, xx, weight index) of a 3×3 same-padded convolution. */
function eachTap(
  input: Plane3,
  outChannels: number,
  visit: (outIndex: number, inIndex: number, weightIndex: number) => void,
): void {
  const { channels, height, width } = input;
  for (let out = 0; out < outChannels; out += 1) {
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        for (let c = 0; c < channels; c += 1) {
          for (let dy = -1; dy <= 1; dy += 1) {
            for (let dx = -1; dx <= 1; dx += 1) {
              const yy = y + dy;
              const xx = x + dx;
              if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                visit((out * height + y) * width + x, (c * height + yy) * width + xx, ((out * channels + c) * 3 + (dy + 1)) * 3 + (dx + 1));
              }
            }
          }
        }
      }
    }
  }
}

function conv3x3(input: Plane3, weights: Float32Array, bias: Float32Array, outChannels: number): Float32Array {
  const size = input.height * input.width;
  const sums = Float64Array.from({ length: outChannels * size }, (_, index) => bias[Math.floor(index / size)]!);
  eachTap(input, outChannels, (outIndex, inIndex, weightIndex) => {
    sums[outIndex]! += weights[weightIndex]! * input.data[inIndex]!;
  });
  return Float32Array.from(sums);
}

function conv3x3Backward(input: Plane3, weights: Float32Array, outChannels: number, gradient: Float32Array): Float32Array {
  const result = new Float64Array(input.data.length);
  eachTap(input, outChannels, (outIndex, inIndex, weightIndex) => {
    result[inIndex]! += weights[weightIndex]! * gradient[outIndex]!;
  });
  return Float32Array.from(result);
}

/** For each 2×2 window, the index of its first maximum (the element max pooling passes on). */
function poolWinners(input: Plane3): Int32Array {
  const height = input.height >> 1;
  const width = input.width >> 1;
  const winners = new Int32Array(input.channels * height * width);
  for (let c = 0; c < input.channels; c += 1) {
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let best = -Infinity;
        let bestIndex = 0;
        for (let dy = 0; dy < 2; dy += 1) {
          for (let dx = 0; dx < 2; dx += 1) {
            const index = (c * input.height + 2 * y + dy) * input.width + 2 * x + dx;
            if (input.data[index]! > best) {
              best = input.data[index]!;
              bestIndex = index;
            }
          }
        }
        winners[(c * height + y) * width + x] = bestIndex;
      }
    }
  }
  return winners;
}

/**
 * The toy CNN behind {@link createToyBackend}, in plain TypeScript, with exact
 * back-propagation: conv3×3(4) → ReLU → maxpool → conv3×3(6) → ReLU → maxpool → global average
 * pool → flatten → linear(5), seeded weights.
 *
 * @internal
 */
export interface ToyNetwork {
  /** Each value's name and shape (`[K, h, w]`, or `[K]` after flatten), in forward order. */
  readonly shapes: readonly (readonly [string, readonly number[]])[];
  /**
   * Runs one image `[3, 16, 16]` and returns every value by name.
   *
   * @param image - The image.
   * @returns The values, `logits` last.
   */
  forward(image: Float32Array): Map<string, Float32Array>;
  /**
   * Runs the network from a layer's value onwards, as if that layer had output `value`.
   *
   * @param layer - The layer's name.
   * @param value - Its value.
   * @returns The logits.
   */
  forwardFrom(layer: string, value: Float32Array): Float32Array;
  /**
   * Back-propagates `∂s/∂logits` to a layer: `∂s/∂value(layer)`, by the chain rule (a max pool
   * passes the gradient to its window's first maximum; a ReLU passes it where its input is > 0).
   *
   * @param values - The values of the forward pass, from {@link ToyNetwork.forward}.
   * @param layer - The layer's name.
   * @param outputGradient - `∂s/∂logits`, 5 values.
   * @returns The gradient, shaped like the layer's value.
   */
  backward(values: ReadonlyMap<string, Float32Array>, layer: string, outputGradient: Float32Array): Float32Array;
}

/**
 * Builds the toy network with seeded weights.
 *
 * @internal
 * @param seed - Seeds the weights.
 */
export function createToyNetwork(seed: number): ToyNetwork {
  const random = seededRandom(seed);
  const draw = (count: number, scale: number): Float32Array =>
    Float32Array.from({ length: count }, () => (random() * 2 - 1) * scale);
  const conv1 = { weights: draw(4 * 3 * 9, 0.5), bias: draw(4, 0.1) };
  const conv2 = { weights: draw(6 * 4 * 9, 0.4), bias: draw(6, 0.1) };
  const linear = { weights: draw(5 * 6, 1.5), bias: draw(5, 0.2) };
  const shapeOf = new Map(SHAPES);
  const input = (name: string, values: ReadonlyMap<string, Float32Array>): Plane3 => plane(shapeOf.get(name)!, values.get(name)!);

  type Step = (from: Plane3) => Float32Array;
  const steps: readonly (readonly [string, Step])[] = [
    ['conv1', (x) => conv3x3(x, conv1.weights, conv1.bias, 4)],
    ['relu1', (x) => x.data.map((value) => (value > 0 ? value : 0))],
    ['pool1', (x) => Float32Array.from(poolWinners(x), (index) => x.data[index]!)],
    ['conv2', (x) => conv3x3(x, conv2.weights, conv2.bias, 6)],
    ['relu2', (x) => x.data.map((value) => (value > 0 ? value : 0))],
    ['pool2', (x) => Float32Array.from(poolWinners(x), (index) => x.data[index]!)],
    ['gap', (x) => Float32Array.from({ length: x.channels }, (_, c) => x.data.subarray(c * 16, (c + 1) * 16).reduce((sum, value) => sum + value, 0) / 16)],
    ['flatten', (x) => x.data.slice()],
    ['logits', (x) => Float32Array.from({ length: 5 }, (_, out) => linear.weights.subarray(out * 6, out * 6 + 6).reduce((sum, weight, c) => sum + weight * x.data[c]!, linear.bias[out]!))],
  ];
  const run = (start: number, first: Plane3): Map<string, Float32Array> => {
    const values = new Map<string, Float32Array>();
    let x = first;
    for (const [name, step] of steps.slice(start)) {
      const data = step(x);
      values.set(name, data);
      x = plane(shapeOf.get(name)!, data);
    }
    return values;
  };

  function backward(values: ReadonlyMap<string, Float32Array>, layer: string, outputGradient: Float32Array): Float32Array {
    let gradient = outputGradient;
    for (let position = steps.length - 1; position > 0; position -= 1) {
      const [name] = steps[position]!;
      const below = steps[position - 1]![0];
      if (name === layer) return gradient;
      const x = input(below, values);
      if (name === 'logits') {
        gradient = Float32Array.from({ length: 6 }, (_, c) => [0, 1, 2, 3, 4].reduce((sum, out) => sum + linear.weights[out * 6 + c]! * gradient[out]!, 0));
      } else if (name === 'flatten') {
        gradient = gradient.slice();
      } else if (name === 'gap') {
        const upstream = gradient;
        gradient = Float32Array.from({ length: 6 * 16 }, (_, index) => upstream[Math.floor(index / 16)]! / 16);
      } else if (name === 'pool1' || name === 'pool2') {
        const routed = new Float32Array(x.data.length);
        poolWinners(x).forEach((winner, index) => (routed[winner]! += gradient[index]!));
        gradient = routed;
      } else if (name === 'relu1' || name === 'relu2') {
        const upstream = gradient;
        gradient = upstream.map((value, index) => (x.data[index]! > 0 ? value : 0));
      } else if (name === 'conv2') {
        gradient = conv3x3Backward(x, conv2.weights, 6, gradient);
      }
    }
    if (steps[0]![0] === layer) return gradient;
    throw new Error(`no layer '${layer}' in the toy network`);
  }

  return {
    shapes: SHAPES,
    forward: (image) => run(0, plane([3, 16, 16], image)),
    forwardFrom: (layer, value) => {
      const position = steps.findIndex(([name]) => name === layer);
      return run(position + 1, plane(shapeOf.get(layer)!, value)).get('logits') ?? value;
    },
    backward,
  };
}
