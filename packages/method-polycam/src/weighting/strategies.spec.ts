import {
  classTarget,
  resolveLayers,
  seededRandom,
  type ModelBackend,
  type RunRequest,
  type TargetFunction,
  type Tensor,
  type WeightingContext,
  type WeightingStrategy,
} from '@polycam/core';
import { normalizeMap, resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend } from '@polycam/core/testing';
import { CdcStrategy, CicStrategy, CvcStrategy } from '@polycam/method-polycam';
import { beforeAll, describe, expect, it } from 'vitest';

// Brute force straight from METHOD.md: for each channel k, M = resize(u(A_k), H×W); the images
// X ⊙ M and X ⊙ (1 − M) are built and run one at a time, and scored with the class target.

const CLASSES = 5;
const [CHANNELS, HEIGHT, WIDTH] = [3, 16, 16];
const IMAGE_SIZE = CHANNELS * HEIGHT * WIDTH;
const TOLERANCE = 1e-6;

interface LayerCase {
  readonly name: string;
  readonly activation: Tensor;
}

interface Scene {
  readonly input: Tensor;
  readonly layers: readonly LayerCase[];
  /** s(X), run in the test. */
  baseScore(classIndex: number): Promise<number>;
}

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, CHANNELS, HEIGHT, WIDTH], data: Float32Array.from({ length: IMAGE_SIZE }, () => random() * 4 - 2) };
}

async function scoreOne(backend: ModelBackend, image: Float32Array, target: TargetFunction): Promise<number> {
  const result = await backend.run({ input: { shape: [1, CHANNELS, HEIGHT, WIDTH], data: image } });
  expect(result.output.shape).toEqual([1, CLASSES]);
  return target.score(result.output.data.subarray(0, CLASSES));
}

async function prepareScene(backend: ModelBackend, seed: number): Promise<Scene> {
  const input = randomInput(seed);
  const names = resolveLayers(backend.description, 'auto');
  const result = await backend.run({ input, taps: names });
  const layers = names.map((name) => {
    const tensor = result.activations.get(name)!;
    return { name, activation: { shape: tensor.shape.slice(1), data: tensor.data.slice() } };
  });
  return {
    input,
    layers,
    baseScore: (classIndex) => scoreOne(backend, input.data.slice(), classTarget(classIndex, 'softmax', CLASSES)),
  };
}

/** `s(X ⊙ M_k)` and `s(X ⊙ (1 − M_k))` for every channel, one image per run. */
async function bruteForceScores(
  backend: ModelBackend,
  input: Tensor,
  activation: Tensor,
  target: TargetFunction,
): Promise<{ direct: number[]; complement: number[] }> {
  const [channels, height, width] = activation.shape as [number, number, number];
  const planeSize = height * width;
  const direct: number[] = [];
  const complement: number[] = [];
  for (let k = 0; k < channels; k += 1) {
    const plane = activation.data.slice(k * planeSize, (k + 1) * planeSize);
    const mask = resizeBilinear({ height, width, data: normalizeMap(plane) }, HEIGHT, WIDTH).data;
    const kept = new Float32Array(IMAGE_SIZE);
    const removed = new Float32Array(IMAGE_SIZE);
    for (let c = 0; c < CHANNELS; c += 1) {
      for (let pixel = 0; pixel < HEIGHT * WIDTH; pixel += 1) {
        const x = input.data[c * HEIGHT * WIDTH + pixel]!;
        kept[c * HEIGHT * WIDTH + pixel] = x * mask[pixel]!;
        removed[c * HEIGHT * WIDTH + pixel] = x * (1 - mask[pixel]!);
      }
    }
    direct.push(await scoreOne(backend, kept, target));
    complement.push(await scoreOne(backend, removed, target));
  }
  return { direct, complement };
}

const FORMULAS: Record<string, (direct: number, base: number, complement: number) => number> = {
  cic: (direct) => direct,
  cdc: (_direct, base, complement) => Math.max(base - complement, 0),
  cvc: (direct, base, complement) => Math.max(direct + base - complement, 0),
};

const STRATEGIES: readonly [string, () => WeightingStrategy, number][] = [
  ['cic', () => new CicStrategy(), 1],
  ['cdc', () => new CdcStrategy(), 1],
  ['cvc', () => new CvcStrategy(), 2],
];

/** A backend wrapper that records the batch size of every run. */
function recording(backend: ModelBackend): { backend: ModelBackend; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    backend: {
      id: backend.id,
      capabilities: backend.capabilities,
      description: backend.description,
      run: (request: RunRequest, signal?: AbortSignal) => {
        batches.push(request.input.shape[0]!);
        return backend.run(request, signal);
      },
      dispose: () => backend.dispose(),
    },
  };
}

function contextFor(
  backend: ModelBackend,
  scene: Scene,
  layer: LayerCase,
  target: TargetFunction,
  baseScore: number,
  batchSize: number,
): WeightingContext & { counts: { run: number; saved: number } } {
  const counts = { run: 0, saved: 0 };
  return {
    backend,
    input: scene.input,
    layer: layer.name,
    activation: layer.activation,
    target,
    baseScore,
    batchSize,
    signal: new AbortController().signal,
    ledger: { run: (count) => (counts.run += count), saved: (count) => (counts.saved += count) },
    counts,
  };
}

describe.each([3, 41])('weighting strategies against brute force (input seed %i)', (seed) => {
  const backend = createToyBackend();
  let scene: Scene;
  /** Brute-force scores per class and per layer. */
  const expected = new Map<string, { direct: number[]; complement: number[]; base: number }>();
  const key = (classIndex: number, layer: string): string => `${classIndex}/${layer}`;

  beforeAll(async () => {
    scene = await prepareScene(backend, seed);
    expect(scene.layers.map((layer) => layer.name)).toEqual(['relu1', 'relu2', 'pool2']);
    for (let classIndex = 0; classIndex < CLASSES; classIndex += 1) {
      const target = classTarget(classIndex, 'softmax', CLASSES);
      const base = await scene.baseScore(classIndex);
      for (const layer of scene.layers) {
        const scores = await bruteForceScores(backend, scene.input, layer.activation, target);
        expected.set(key(classIndex, layer.name), { ...scores, base });
      }
    }
  });

  it('builds a scene where the weights are not trivial', () => {
    // Guards against a vacuous comparison: the brute-force weights vary across channels.
    for (const [id] of STRATEGIES) {
      const all: number[] = [];
      for (const { direct, complement, base } of expected.values()) {
        direct.forEach((score, k) => all.push(FORMULAS[id]!(score, base, complement[k]!)));
      }
      expect(all.some((weight) => weight > 1e-4)).toBe(true);
      expect(new Set(all.map((weight) => weight.toFixed(6))).size).toBeGreaterThan(10);
    }
  });

  describe.each(STRATEGIES)('%s', (id, create, variants) => {
    it('gives the brute-force weights for every class and every auto layer', async () => {
      const strategy = create();
      for (let classIndex = 0; classIndex < CLASSES; classIndex += 1) {
        const target = classTarget(classIndex, 'softmax', CLASSES);
        for (const layer of scene.layers) {
          const { direct, complement, base } = expected.get(key(classIndex, layer.name))!;
          const context = contextFor(backend, scene, layer, target, base, 32);
          const weights = await strategy.computeWeights(context);
          const channels = layer.activation.shape[0]!;
          expect(weights).toBeInstanceOf(Float32Array);
          expect(weights).toHaveLength(channels);
          for (let k = 0; k < channels; k += 1) {
            const want = FORMULAS[id]!(direct[k]!, base, complement[k]!);
            expect(Math.abs(weights[k]! - want), `${id} class ${classIndex} ${layer.name} channel ${k}`).toBeLessThanOrEqual(
              TOLERANCE,
            );
          }
          expect(context.counts.run + context.counts.saved).toBe(channels * variants);
          expect(strategy.plannedEvaluations(channels)).toBe(channels * variants);
        }
      }
    });

    it('gives the brute-force weights when the backend builds the masked images itself', async () => {
      // Same toy weights (same seed), but the masked-inputs capability: the helper sends
      // low-resolution masks u(A_k) or 1 − u(A_k), and the backend upsamples and multiplies.
      const masking = createToyBackend({ maskedInputs: true });
      const strategy = create();
      for (let classIndex = 0; classIndex < CLASSES; classIndex += 1) {
        const target = classTarget(classIndex, 'softmax', CLASSES);
        for (const layer of scene.layers) {
          const { direct, complement, base } = expected.get(key(classIndex, layer.name))!;
          const weights = await strategy.computeWeights(contextFor(masking, scene, layer, target, base, 7));
          for (let k = 0; k < weights.length; k += 1) {
            const want = FORMULAS[id]!(direct[k]!, base, complement[k]!);
            expect(Math.abs(weights[k]! - want), `${id} class ${classIndex} ${layer.name} channel ${k}`).toBeLessThanOrEqual(1e-5);
          }
        }
      }
    });

    it('gives the same weights with batch sizes 1, 3 and 32, never exceeding the batch size', async () => {
      const strategy = create();
      const target = classTarget(2, 'softmax', CLASSES);
      const base = expected.get(key(2, 'relu1'))!.base;
      for (const layer of scene.layers) {
        const results: Float32Array[] = [];
        for (const batchSize of [1, 3, 32]) {
          const { backend: observed, batches } = recording(backend);
          const context = contextFor(observed, scene, layer, target, base, batchSize);
          results.push(await strategy.computeWeights(context));
          expect(batches.length).toBeGreaterThan(0);
          expect(Math.max(...batches)).toBeLessThanOrEqual(batchSize);
          // Every image the backend received was accounted as run.
          expect(batches.reduce((sum, size) => sum + size, 0)).toBe(context.counts.run);
          expect(context.counts.run + context.counts.saved).toBe(layer.activation.shape[0]! * variants);
        }
        expect(results[1]).toEqual(results[0]);
        expect(results[2]).toEqual(results[0]);
      }
    });
  });
});
