import {
  argmax,
  classTarget,
  createPolycamContainer,
  seededRandom,
  TOKENS,
  type Explainer,
  type Map2D,
  type ModelBackend,
  type TargetFunction,
  type Tensor,
} from '@polycam/core';
import { normalizeMap, resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { beforeAll, describe, expect, it } from 'vitest';

// The whole Poly-CAM formula of METHOD.md, by brute force on the toy backend, against the
// explainer: weights from single-image masked runs, C_l = ReLU(Σ_k w_k A_l^k) by loops, LNorm
// fusion by loops (2×2 block averaging for down(), bilinear up()), then resize(u(P_l), H×W).

const CLASSES = 5;
const [CHANNELS, HEIGHT, WIDTH] = [3, 16, 16];
const IMAGE_SIZE = CHANNELS * HEIGHT * WIDTH;
const LAYERS = ['relu1', 'relu2', 'pool2'];

type Formula = (direct: number, base: number, complement: number) => number;
const PRESETS: readonly [string, string, Formula][] = [
  ['pcam+', 'cic', (direct) => direct],
  ['pcam-', 'cdc', (_direct, base, complement) => Math.max(base - complement, 0)],
  ['pcam±', 'cvc', (direct, base, complement) => Math.max(direct + base - complement, 0)],
];

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, CHANNELS, HEIGHT, WIDTH], data: Float32Array.from({ length: IMAGE_SIZE }, () => random() * 4 - 2) };
}

async function outputOf(backend: ModelBackend, image: Float32Array): Promise<Float32Array> {
  const result = await backend.run({ input: { shape: [1, CHANNELS, HEIGHT, WIDTH], data: image } });
  return result.output.data.slice(0, CLASSES);
}

interface BruteLayer {
  readonly name: string;
  readonly activation: Tensor;
  readonly masks: Float32Array[];
}

async function activationsOf(backend: ModelBackend, input: Tensor): Promise<BruteLayer[]> {
  const result = await backend.run({ input, taps: LAYERS });
  return LAYERS.map((name) => {
    const tensor = result.activations.get(name)!;
    const [channels, height, width] = tensor.shape.slice(1) as [number, number, number];
    const activation = { shape: [channels, height, width], data: tensor.data.slice(0, channels * height * width) };
    const masks = Array.from({ length: channels }, (_, k) => {
      const plane = activation.data.slice(k * height * width, (k + 1) * height * width);
      return resizeBilinear({ height, width, data: normalizeMap(plane) }, HEIGHT, WIDTH).data;
    });
    return { name, activation, masks };
  });
}

async function bruteWeights(
  backend: ModelBackend,
  input: Tensor,
  layer: BruteLayer,
  target: TargetFunction,
  base: number,
  formula: Formula,
): Promise<number[]> {
  const weights: number[] = [];
  for (const mask of layer.masks) {
    const kept = new Float32Array(IMAGE_SIZE);
    const removed = new Float32Array(IMAGE_SIZE);
    for (let c = 0; c < CHANNELS; c += 1) {
      for (let pixel = 0; pixel < HEIGHT * WIDTH; pixel += 1) {
        const x = input.data[c * HEIGHT * WIDTH + pixel]!;
        kept[c * HEIGHT * WIDTH + pixel] = x * mask[pixel]!;
        removed[c * HEIGHT * WIDTH + pixel] = x * (1 - mask[pixel]!);
      }
    }
    const direct = target.score(await outputOf(backend, kept));
    const complement = target.score(await outputOf(backend, removed));
    weights.push(formula(direct, base, complement));
  }
  return weights;
}

function camOf(activation: Tensor, weights: readonly number[]): Map2D {
  const [channels, height, width] = activation.shape as [number, number, number];
  const data = new Float32Array(height * width);
  for (let pixel = 0; pixel < height * width; pixel += 1) {
    let sum = 0;
    for (let k = 0; k < channels; k += 1) sum += weights[k]! * activation.data[k * height * width + pixel]!;
    data[pixel] = sum > 0 ? sum : 0;
  }
  return { height, width, data };
}

function blockAverage2(source: Map2D): Map2D {
  const height = source.height / 2;
  const width = source.width / 2;
  const data = new Float32Array(height * width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (dy: number, dx: number): number => source.data[(2 * y + dy) * source.width + 2 * x + dx]!;
      data[y * width + x] = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4;
    }
  }
  return { height, width, data };
}

function lnormFuse(cam: Map2D, deeper: Map2D | undefined): Map2D {
  const data = new Float32Array(cam.data.length);
  if (deeper === undefined) {
    cam.data.forEach((value, index) => (data[index] = value > 0 ? value : 0));
    return { height: cam.height, width: cam.width, data };
  }
  expect([deeper.height * 2, deeper.width * 2]).toEqual([cam.height, cam.width]);
  const local = resizeBilinear(blockAverage2(cam), cam.height, cam.width).data;
  const up = resizeBilinear(deeper, cam.height, cam.width).data;
  for (let index = 0; index < data.length; index += 1) {
    const product = (cam.data[index]! / Math.max(local[index]!, 1e-12)) * up[index]!;
    data[index] = product > 0 ? product : 0;
  }
  return { height: cam.height, width: cam.width, data };
}

interface BruteStage {
  readonly layer: string;
  readonly weights: number[];
  readonly cam: Map2D;
  readonly map: Map2D;
}

async function brutePolyCam(
  backend: ModelBackend,
  input: Tensor,
  classIndex: number | undefined,
  formula: Formula,
): Promise<{ classIndex: number; score: number; stages: BruteStage[] }> {
  const output = await outputOf(backend, input.data.slice());
  const chosen = classIndex ?? argmax(output);
  const target = classTarget(chosen, 'softmax', CLASSES);
  const base = target.score(output);
  const layers = await activationsOf(backend, input);
  const stages: BruteStage[] = [];
  let deeper: Map2D | undefined;
  for (const layer of [...layers].reverse()) {
    const weights = await bruteWeights(backend, input, layer, target, base, formula);
    const cam = camOf(layer.activation, weights);
    const fused = lnormFuse(cam, deeper);
    const map = resizeBilinear({ ...fused, data: normalizeMap(fused.data) }, HEIGHT, WIDTH);
    stages.unshift({ layer: layer.name, weights, cam, map }); // forward order, as the result's
    deeper = fused;
  }
  return { classIndex: chosen, score: base, stages };
}

function expectClose(actual: Float32Array, expected: ArrayLike<number>, tolerance: number, what: string): void {
  expect(actual, what).toHaveLength(expected.length);
  let worst = 0;
  for (let index = 0; index < expected.length; index += 1) {
    const want = expected[index]!;
    worst = Math.max(worst, Math.abs(actual[index]! - want) / Math.max(1, Math.abs(want)));
  }
  expect(worst, what).toBeLessThanOrEqual(tolerance);
}

describe('Poly-CAM end to end on the toy backend', () => {
  let explainer: Explainer;
  beforeAll(async () => {
    const container = await createPolycamContainer(polycamModule);
    explainer = container.get(TOKENS.Explainer);
  });

  describe.each([
    [12, undefined],
    [12, 1],
    [77, 4],
  ] as [number, number | undefined][])('input seed %i, class %s', (seed, classIndex) => {
    it.each(PRESETS)('%s equals the brute-force formula', async (method, strategy, formula) => {
      let images = 0;
      const backend = createToyBackend({ onRun: (size) => (images += size) });
      const input = randomInput(seed);
      const expected = await brutePolyCam(createToyBackend(), input, classIndex, formula);
      const result = await explainer.explain({ backend, input, method, ...(classIndex === undefined ? {} : { classIndex }), batchSize: 5 });

      expect(result.method).toEqual({ preset: method, strategy, fusion: 'lnorm' });
      expect(result.classIndex).toBe(expected.classIndex);
      expect(result.score).toBeCloseTo(expected.score, 7);
      expect(result.layers).toEqual(LAYERS);
      expect(result.stages.map((stage) => stage.layer)).toEqual(['relu1', 'relu2', 'pool2']);
      // The scene is not degenerate: weights vary and the final map has structure.
      expect(expected.stages.flatMap((stage) => stage.weights).some((weight) => weight > 1e-4)).toBe(true);
      expect(new Set(Array.from(expected.stages[0]!.map.data, (value) => value.toFixed(4))).size).toBeGreaterThan(20);

      result.stages.forEach((stage, index) => {
        const want = expected.stages[index]!;
        expectClose(stage.weights, want.weights, 1e-6, `${stage.layer} weights`);
        expect([stage.cam.height, stage.cam.width]).toEqual([want.cam.height, want.cam.width]);
        expectClose(stage.cam.data, want.cam.data, 1e-5, `${stage.layer} cam`);
        expect([stage.map.height, stage.map.width]).toEqual([HEIGHT, WIDTH]);
        expectClose(stage.map.data, want.map.data, 1e-5, `${stage.layer} map`);
      });
      expect([result.map.height, result.map.width]).toEqual([HEIGHT, WIDTH]);
      expectClose(result.map.data, expected.stages[0]!.map.data, 1e-5, 'final map');
      expect(result.map.data.every((value) => value >= 0 && value <= 1)).toBe(true);

      const planned = (method === 'pcam±' ? 2 : 1) * (4 + 6 + 6);
      // `images` counts every image the backend ran, the unmasked one included.
      expect(result.passes.run).toBe(images);
      expect(result.passes.run - 1 + result.passes.saved).toBe(planned);
    });
  });

  it('gives the same result under the ASCII alias', async () => {
    const backend = createToyBackend();
    const input = randomInput(12);
    const canonical = await explainer.explain({ backend, input, method: 'pcam±' });
    const alias = await explainer.explain({ backend, input, method: 'pcampm' });
    expect(alias.map.data).toEqual(canonical.map.data);
    expect(alias.method).toEqual(canonical.method);
  });
});
