import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelBackend } from '../backend/ModelBackend.js';
import { PolycamError } from '../errors/PolycamError.js';
import { resizeBilinear } from '../kernels/resizeBilinear.js';
import { isSpatialLayer } from '../layers/isSpatialLayer.js';
import { resolveLayers } from '../layers/resolveLayers.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Tensor } from '../tensor/Tensor.js';
import { seededRandom } from '../random/seededRandom.js';

/** Options of {@link describeModelBackendConformance}. */
export interface BackendConformanceOptions {
  /** Largest relative difference allowed between a batched row and a single-image run. */
  readonly tolerance?: number;
  /** Timeout per test in milliseconds. Default 60 000. */
  readonly timeoutMs?: number;
}

function randomImages(count: number, shape: readonly number[], seed: number): Tensor {
  const random = seededRandom(seed);
  const size = shape.reduce((product, axis) => product * axis, 1);
  return { shape: [count, ...shape], data: Float32Array.from({ length: count * size }, () => random() * 4 - 2) };
}

function maxRelativeDifference(a: Float32Array, b: Float32Array): number {
  let scale = 1e-6;
  for (const value of b) scale = Math.max(scale, Math.abs(value));
  let worst = 0;
  for (let index = 0; index < a.length; index += 1) {
    worst = Math.max(worst, Math.abs(a[index]! - b[index]!) / scale);
  }
  return worst;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * The shared test suite every {@link ModelBackend} must pass, ours and third parties' alike.
 * Call it inside a vitest spec file with a factory that loads a model with at least one spatial
 * layer; the suite disposes the backend at the end.
 *
 * @example
 * ```ts
 * // my-backend.spec.ts
 * import { describeModelBackendConformance } from '@polycam/core/testing';
 * describeModelBackendConformance('my runtime', () => MyBackend.load('model.bin'));
 * ```
 *
 * @param name - A label for the describe block.
 * @param createBackend - Loads the backend under test.
 * @param options - Tolerances and timeouts.
 */
export function describeModelBackendConformance(
  name: string,
  createBackend: () => Promise<ModelBackend>,
  options: BackendConformanceOptions = {},
): void {
  const tolerance = options.tolerance ?? 1e-4;
  const timeout = options.timeoutMs ?? 60_000;
  describe(`ModelBackend conformance: ${name}`, () => {
    let backend: ModelBackend;
    beforeAll(async () => {
      backend = await createBackend();
    }, timeout);
    afterAll(async () => {
      await backend?.dispose();
    }, timeout);

    it('declares forward, and each optional capability exactly when it provides its service', () => {
      expect(backend.id).toMatch(/\S/);
      expect(backend.capabilities.has('forward')).toBe(true);
      expect({
        gradients: backend.capabilities.has('gradients'),
        'masked-inputs': backend.capabilities.has('masked-inputs'),
        'weight-randomization': backend.capabilities.has('weight-randomization'),
      }).toEqual({
        gradients: backend.gradients !== undefined,
        'masked-inputs': backend.maskedInputs !== undefined,
        'weight-randomization': backend.weightRandomizer !== undefined,
      });
    });

    it('describes a [C,H,W] input, a non-empty output and uniquely named layers', () => {
      const { input, output, layers } = backend.description;
      expect(input.shape).toHaveLength(3);
      expect(input.shape.every((size) => Number.isInteger(size) && size > 0)).toBe(true);
      expect(['NCHW', 'NHWC']).toContain(input.layout);
      expect(output.size).toBeGreaterThan(0);
      expect(layers.length).toBeGreaterThan(0);
      expect(new Set(layers.map((layer) => layer.name)).size).toBe(layers.length);
      expect(layers.some(isSpatialLayer)).toBe(true);
    });

    it('auto discovery finds spatial layers in forward order', () => {
      const chosen = resolveLayers(backend.description, 'auto');
      const names = backend.description.layers.map((layer) => layer.name);
      expect(chosen.length).toBeGreaterThan(0);
      const positions = chosen.map((layer) => names.indexOf(layer));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('runs a batch whose rows match single-image runs', async () => {
      const { input, output } = backend.description;
      const batch = randomImages(3, input.shape, 11);
      const batched = await backend.run({ input: batch });
      expect(batched.output.shape).toEqual([3, output.size]);
      expect(batched.activations.size).toBe(0);
      const imageSize = batch.data.length / 3;
      for (let image = 0; image < 3; image += 1) {
        const single = await backend.run({
          input: { shape: [1, ...input.shape], data: batch.data.slice(image * imageSize, (image + 1) * imageSize) },
        });
        const row = batched.output.data.subarray(image * output.size, (image + 1) * output.size);
        expect(maxRelativeDifference(single.output.data, row)).toBeLessThanOrEqual(tolerance);
      }
    }, timeout);

    it('returns every spatial tap with its described shape, channels first', async () => {
      const { input, layers } = backend.description;
      const spatial = layers.filter(isSpatialLayer);
      const result = await backend.run({ input: randomImages(2, input.shape, 12), taps: spatial.map((layer) => layer.name) });
      for (const layer of spatial) {
        const tensor = result.activations.get(layer.name);
        expect(tensor?.shape).toEqual([2, ...layer.shape]);
        expect(tensor?.data.length).toBe(2 * layer.shape.reduce((product, size) => product * size, 1));
        expect(tensor?.data.every(Number.isFinite)).toBe(true);
      }
    }, timeout);

    it('is deterministic, keeps no state between runs and leaves its input untouched', async () => {
      const { input, layers } = backend.description;
      const images = randomImages(2, input.shape, 13);
      const copy = images.data.slice();
      const tap = layers.filter(isSpatialLayer).at(-1)!.name;
      const first = await backend.run({ input: images, taps: [tap] });
      await backend.run({ input: randomImages(1, input.shape, 14) });
      const second = await backend.run({ input: images, taps: [tap] });
      expect(images.data).toEqual(copy);
      expect(second.output.data).toEqual(first.output.data);
      expect(second.activations.get(tap)?.data).toEqual(first.activations.get(tap)?.data);
    }, timeout);

    it('runs masked inputs exactly as plain runs of the masked images, if it declares masked-inputs', async (context) => {
      if (backend.maskedInputs === undefined) {
        context.skip();
        return;
      }
      const { input } = backend.description;
      const [channels, height, width] = input.shape;
      const image = randomImages(1, input.shape, 17);
      const random = seededRandom(18);
      const [maskHeight, maskWidth] = [Math.max(1, height >> 3), Math.max(1, width >> 2)];
      const masks = Float32Array.from({ length: 3 * maskHeight * maskWidth }, (_, index) => (index < maskHeight * maskWidth ? 0 : random()));
      const masked = await backend.maskedInputs.runMasked({ image, masks: { shape: [3, maskHeight, maskWidth], data: masks } });
      const images = new Float32Array(3 * channels * height * width);
      for (let slot = 0; slot < 3; slot += 1) {
        const plane = masks.subarray(slot * maskHeight * maskWidth, (slot + 1) * maskHeight * maskWidth);
        const mask = resizeBilinear({ height: maskHeight, width: maskWidth, data: plane }, height, width).data;
        for (let value = 0; value < channels * height * width; value += 1) {
          images[slot * channels * height * width + value] = image.data[value]! * mask[value % (height * width)]!;
        }
      }
      const plain = await backend.run({ input: { shape: [3, ...input.shape], data: images } });
      expect(masked.output.shape).toEqual(plain.output.shape);
      expect(maxRelativeDifference(masked.output.data, plain.output.data)).toBeLessThanOrEqual(tolerance);
    }, timeout);

    it('differentiates the score at a layer, linearly in the target, if it declares gradients', async (context) => {
      const gradients = backend.gradients;
      if (gradients === undefined) {
        context.skip();
        return;
      }
      const { input, output } = backend.description;
      const layer = resolveLayers(backend.description, 'auto').at(-1)!;
      const shape = backend.description.layers.find((candidate) => candidate.name === layer)!.shape;
      const image = randomImages(1, input.shape, 19);
      const tapped = (await backend.run({ input: image, taps: [layer] })).activations.get(layer)!;
      const along = (weights: readonly number[]): TargetFunction => ({
        label: `linear[${weights.join(',')}]`,
        score: (values) => weights.reduce((sum, weight, index) => sum + weight * values[index]!, 0),
        gradient: (values) => Float32Array.from(values, (_, index) => weights[index] ?? 0),
      });
      const first = await gradients.layerGradient(image, layer, along([1]));
      expect(first.activation.shape).toEqual(shape);
      expect(first.gradient.shape).toEqual(shape);
      expect(maxRelativeDifference(first.activation.data, tapped.data)).toBeLessThanOrEqual(tolerance);
      expect(first.gradient.data.every(Number.isFinite)).toBe(true);
      if (output.size > 1) {
        // ∂(z0 + 2 z1)/∂A = ∂z0/∂A + 2 ∂z1/∂A: the backend must chain the target's own derivative.
        const second = await gradients.layerGradient(image, layer, along([0, 1]));
        const combined = await gradients.layerGradient(image, layer, along([1, 2]));
        const expected = first.gradient.data.map((value, index) => value + 2 * second.gradient.data[index]!);
        expect(maxRelativeDifference(combined.gradient.data, expected)).toBeLessThanOrEqual(tolerance);
      }
      const error = await rejectionOf(gradients.layerGradient(image, 'no/such/layer', along([1])));
      expect(PolycamError.is(error, 'unknown-layer')).toBe(true);
    }, timeout);

    it('randomises the chosen layers of a copy and leaves the original as it was, if it declares weight-randomization', async (context) => {
      const randomizer = backend.weightRandomizer;
      if (randomizer === undefined) {
        context.skip();
        return;
      }
      const layers = randomizer.parameterizedLayers;
      expect(layers.length).toBeGreaterThan(0);
      // Each parameterized layer is a layer of the description, by tensor or by operation name.
      const known = new Set(backend.description.layers.flatMap((layer) => (layer.node === undefined ? [layer.name] : [layer.name, layer.node])));
      expect(layers.filter((layer) => !known.has(layer))).toEqual([]);
      const images = randomImages(2, backend.description.input.shape, 20);
      const before = await backend.run({ input: images });
      const copy = await randomizer.randomized(layers, 21);
      try {
        expect(copy.description).toEqual(backend.description);
        expect(copy.weightRandomizer?.parameterizedLayers ?? layers).toEqual(layers);
        const randomized = await copy.run({ input: images });
        expect(randomized.output.shape).toEqual(before.output.shape);
        expect(randomized.output.data.every(Number.isFinite)).toBe(true);
        expect(maxRelativeDifference(randomized.output.data, before.output.data)).toBeGreaterThan(tolerance);
      } finally {
        await copy.dispose();
      }
      expect((await backend.run({ input: images })).output.data).toEqual(before.output.data);
      const error = await rejectionOf(randomizer.randomized(['no/such/layer'], 21));
      expect(PolycamError.is(error, 'unknown-layer')).toBe(true);
    }, timeout);

    it('rejects an input of the wrong shape with invalid-argument', async () => {
      const [channels, height, width] = backend.description.input.shape;
      for (const shape of [[1, channels, height + 1, width], [1, channels + 1, height, width], [channels, height, width]]) {
        const size = shape.reduce((product, axis) => product * axis, 1);
        const error = await rejectionOf(backend.run({ input: { shape, data: new Float32Array(size) } }));
        expect(PolycamError.is(error, 'invalid-argument'), `[${shape.join(',')}]`).toBe(true);
      }
    });

    it('rejects an unknown tap with unknown-layer', async () => {
      const { input } = backend.description;
      const error = await rejectionOf(backend.run({ input: randomImages(1, input.shape, 15), taps: ['no/such/layer'] }));
      expect(PolycamError.is(error, 'unknown-layer')).toBe(true);
    });

    it('rejects with aborted when the signal has fired', async () => {
      const { input } = backend.description;
      const controller = new AbortController();
      controller.abort();
      const error = await rejectionOf(backend.run({ input: randomImages(2, input.shape, 16) }, controller.signal));
      expect(PolycamError.is(error, 'aborted')).toBe(true);
    });
  });
}
