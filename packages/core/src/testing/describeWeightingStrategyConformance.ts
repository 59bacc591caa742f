import { describe, expect, it } from 'vitest';
import type { ModelBackend } from '../backend/ModelBackend.js';
import { PolycamError } from '../errors/PolycamError.js';
import { resolveLayers } from '../layers/resolveLayers.js';
import { argmax } from '../target/argmax.js';
import { classTarget } from '../target/classTarget.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { WeightingContext } from '../weighting/WeightingContext.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';
import { createToyBackend } from './createToyBackend.js';
import { observedBackend } from './observedBackend.js';
import { seededRandom } from '../random/seededRandom.js';

/** Options of {@link describeWeightingStrategyConformance}. */
export interface StrategyConformanceOptions {
  /**
   * Loads the backend to weigh on. Default: the toy backend from {@link createToyBackend}. Give
   * one that has every capability the strategy requires.
   */
  readonly createBackend?: () => Promise<ModelBackend>;
  /** Largest absolute difference allowed between weights computed with different batch sizes. */
  readonly tolerance?: number;
  /** Timeout per test in milliseconds. Default 60 000. */
  readonly timeoutMs?: number;
}

interface Prepared {
  readonly input: Tensor;
  readonly layers: readonly { name: string; activation: Tensor }[];
  context(layer: number, overrides?: Partial<WeightingContext>): WeightingContext & { counts: { run: number; saved: number } };
}

async function prepare(backend: ModelBackend, seed: number): Promise<Prepared> {
  const random = seededRandom(seed);
  const shape = backend.description.input.shape;
  const input: Tensor = { shape: [1, ...shape], data: Float32Array.from({ length: shape[0] * shape[1] * shape[2] }, () => random() * 4 - 2) };
  const names = resolveLayers(backend.description, 'auto');
  const result = await backend.run({ input, taps: names });
  const output = result.output.data.subarray(0, backend.description.output.size);
  const target = classTarget(argmax(output), 'softmax', output.length);
  const layers = names.map((name) => {
    const tensor = result.activations.get(name)!;
    return { name, activation: { shape: tensor.shape.slice(1), data: tensor.data.slice() } };
  });
  return {
    input,
    layers,
    context(layer, overrides = {}) {
      const counts = { run: 0, saved: 0 };
      return {
        backend,
        input,
        layer: layers[layer]!.name,
        activation: layers[layer]!.activation,
        target,
        baseScore: target.score(output),
        batchSize: 32,
        signal: new AbortController().signal,
        ledger: { run: (count) => (counts.run += count), saved: (count) => (counts.saved += count) },
        counts,
        ...overrides,
      };
    },
  };
}

/**
 * The shared test suite every {@link WeightingStrategy} must pass, ours and third parties'
 * alike. It weighs the layers of a small model and checks the contract: one finite weight per
 * channel (or per activation element, for an `element`-granularity strategy), exact accounting of planned evaluations, the batch-size limit, determinism,
 * independence from the batch size, no state kept between calls, no mutation of its inputs,
 * cancellation, and, for a strategy that declares `passesFor` (and so takes a pass budget), that
 * it runs exactly the passes it declares and weighs each channel from its own plane alone.
 *
 * @example
 * ```ts
 * // my-strategy.spec.ts
 * import { describeWeightingStrategyConformance } from '@polycam/core/testing';
 * describeWeightingStrategyConformance('activation-mean', () => activationMean);
 * ```
 *
 * @param name - A label for the describe block.
 * @param createStrategy - Makes the strategy under test.
 * @param options - The backend to weigh on, tolerances and timeouts.
 */
export function describeWeightingStrategyConformance(
  name: string,
  createStrategy: () => WeightingStrategy,
  options: StrategyConformanceOptions = {},
): void {
  const tolerance = options.tolerance ?? 1e-5;
  const timeout = options.timeoutMs ?? 60_000;
  const load = options.createBackend ?? (async () => createToyBackend());

  describe(`WeightingStrategy conformance: ${name}`, () => {
    it('has an id, a description and a list of required capabilities', () => {
      const strategy = createStrategy();
      expect(strategy.id).toMatch(/^\S+$/);
      expect(strategy.description).toMatch(/\S/);
      expect(Array.isArray(strategy.requires)).toBe(true);
      expect([undefined, 'channel', 'element']).toContain(strategy.granularity);
      for (const channels of [1, 4, 64, 2048]) {
        const planned = strategy.plannedEvaluations(channels);
        expect(Number.isInteger(planned) && planned >= 0).toBe(true);
      }
    });

    it('is checked on a backend that has every capability it requires', async () => {
      const strategy = createStrategy();
      const backend = await load();
      try {
        expect(strategy.requires.filter((capability) => !backend.capabilities.has(capability))).toEqual([]);
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('gives one finite weight per channel and accounts for each planned evaluation once', async () => {
      const strategy = createStrategy();
      const { backend, batches } = observedBackend(await load());
      try {
        const prepared = await prepare(backend, 21);
        for (let layer = 0; layer < prepared.layers.length; layer += 1) {
          batches.length = 0;
          const context = prepared.context(layer);
          const weights = await strategy.computeWeights(context);
          const activation = prepared.layers[layer]!.activation;
          const channels = activation.shape[0]!;
          expect(weights).toBeInstanceOf(Float32Array);
          expect(weights).toHaveLength(strategy.granularity === 'element' ? activation.data.length : channels);
          expect(weights.every(Number.isFinite)).toBe(true);
          expect(context.counts.run + context.counts.saved).toBe(strategy.plannedEvaluations(channels));
          expect(context.counts.run).toBeLessThanOrEqual(batches.reduce((sum, size) => sum + size, 0));
        }
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('never sends more images in one run than the batch size', async () => {
      const strategy = createStrategy();
      const { backend, batches } = observedBackend(await load());
      try {
        const prepared = await prepare(backend, 22);
        batches.length = 0;
        for (let layer = 0; layer < prepared.layers.length; layer += 1) {
          await strategy.computeWeights(prepared.context(layer, { batchSize: 3 }));
        }
        expect(batches.every((size) => size <= 3)).toBe(true);
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('is deterministic, stateless between calls and independent of the batch size', async () => {
      const strategy = createStrategy();
      const backend = await load();
      try {
        const prepared = await prepare(backend, 23);
        const last = prepared.layers.length - 1;
        const first = await strategy.computeWeights(prepared.context(0, { batchSize: 1 }));
        const second = await strategy.computeWeights(prepared.context(last));
        const again = await strategy.computeWeights(prepared.context(0, { batchSize: 7 }));
        // A fresh instance must agree with the used one: this catches caches kept across calls.
        const fresh = await createStrategy().computeWeights(prepared.context(last, { batchSize: 5 }));
        for (const [actual, expected] of [
          [again, first],
          [second, fresh],
        ] as const) {
          expect(actual).toHaveLength(expected.length);
          for (let k = 0; k < expected.length; k += 1) {
            expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThanOrEqual(tolerance);
          }
        }
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('leaves the input and the activation untouched', async () => {
      const strategy = createStrategy();
      const backend = await load();
      try {
        const prepared = await prepare(backend, 24);
        const context = prepared.context(0);
        const input = context.input.data.slice();
        const activation = context.activation.data.slice();
        await strategy.computeWeights(context);
        expect(context.input.data).toEqual(input);
        expect(context.activation.data).toEqual(activation);
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('runs what its passesFor declares, weighing each channel from its own plane, if it declares passesFor', async () => {
      const strategy = createStrategy();
      const { backend } = observedBackend(await load());
      try {
        const prepared = await prepare(backend, 27);
        for (let layer = 0; layer < prepared.layers.length && strategy.passesFor !== undefined; layer += 1) {
          const activation = prepared.layers[layer]!.activation;
          const full = prepared.context(layer);
          const weights = await strategy.computeWeights(full);
          expect(full.counts.run).toBe(strategy.passesFor(activation));
          // Every other channel, in reverse order: each must keep the weight it had among all.
          const [channels, height, width] = activation.shape as [number, number, number];
          const picked = Array.from({ length: channels }, (_, channel) => channel).filter((channel) => channel % 2 === 0).reverse();
          const data = new Float32Array(picked.length * height * width);
          picked.forEach((channel, slot) => data.set(activation.data.subarray(channel * height * width, (channel + 1) * height * width), slot * height * width));
          const subset = { shape: [picked.length, height, width], data };
          const partial = prepared.context(layer, { activation: subset });
          const subsetWeights = await strategy.computeWeights(partial);
          expect(partial.counts.run).toBe(strategy.passesFor(subset));
          picked.forEach((channel, slot) => expect(Math.abs(subsetWeights[slot]! - weights[channel]!)).toBeLessThanOrEqual(tolerance));
        }
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('stops with aborted when its signal has fired, if it runs the model', async () => {
      const strategy = createStrategy();
      const { backend, batches } = observedBackend(await load());
      try {
        const prepared = await prepare(backend, 25);
        batches.length = 0;
        const controller = new AbortController();
        controller.abort();
        let error: unknown;
        try {
          await strategy.computeWeights(prepared.context(0, { signal: controller.signal }));
        } catch (caught) {
          error = caught;
        }
        if (strategy.plannedEvaluations(prepared.layers[0]!.activation.shape[0]!) > 0) {
          expect(PolycamError.is(error, 'aborted')).toBe(true);
        }
        expect(batches).toEqual([]);
      } finally {
        await backend.dispose();
      }
    }, timeout);
  });
}
