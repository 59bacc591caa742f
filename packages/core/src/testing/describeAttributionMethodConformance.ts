import { describe, expect, it } from 'vitest';
import type { AttributionContext } from '../attribution/AttributionContext.js';
import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import type { ModelBackend } from '../backend/ModelBackend.js';
import { seededRandom } from '../random/seededRandom.js';
import { argmax } from '../target/argmax.js';
import { classTarget } from '../target/classTarget.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { Tensor } from '../tensor/Tensor.js';
import { createToyBackend } from './createToyBackend.js';
import { observedBackend } from './observedBackend.js';
import { rejectionKindOf } from './rejectionKindOf.js';

/** Options of {@link describeAttributionMethodConformance}. */
export interface AttributionConformanceOptions {
  /**
   * Loads the backend to explain on. Default: the toy backend from {@link createToyBackend}, a
   * `[3, 16, 16]` input with forward passes only. Give one that has every capability the
   * method requires.
   */
  readonly createBackend?: () => Promise<ModelBackend>;
  /**
   * Largest absolute difference allowed between maps computed with different batch sizes.
   * Default 1e-6.
   */
  readonly tolerance?: number;
  /** Timeout per test in milliseconds. Default 60 000. */
  readonly timeoutMs?: number;
}

type CountingContext = AttributionContext & { readonly counts: { run: number; saved: number } };

interface Prepared {
  /** The planned evaluations for the backend's model. */
  readonly planned: number;
  /** A context on the image of this seed, with a fresh copy of the image and a counting ledger. */
  context(seed: number, overrides?: Partial<AttributionContext>): Promise<CountingContext>;
}

function prepare(backend: ModelBackend, method: AttributionMethod): Prepared {
  const shape = backend.description.input.shape;
  const images = new Map<number, Tensor>();
  return {
    planned: method.plannedEvaluations(backend.description),
    async context(seed, overrides = {}) {
      if (!images.has(seed)) {
        const random = seededRandom(seed);
        images.set(seed, { shape: [1, ...shape], data: Float32Array.from({ length: shape[0] * shape[1] * shape[2] }, () => random() * 4 - 2) });
      }
      const image = images.get(seed)!;
      const input = { shape: image.shape, data: image.data.slice() };
      const output = (await backend.run({ input })).output.data.subarray(0, backend.description.output.size);
      const target = classTarget(argmax(output), 'softmax', output.length);
      const counts = { run: 0, saved: 0 };
      return {
        backend,
        input,
        target,
        baseScore: target.score(output),
        batchSize: 8,
        signal: new AbortController().signal,
        ledger: { run: (count) => (counts.run += count), saved: (count) => (counts.saved += count) },
        counts,
        ...overrides,
      };
    },
  };
}

function expectClose(actual: Map2D, expected: Map2D, tolerance: number, label: string): void {
  expect([actual.height, actual.width], label).toEqual([expected.height, expected.width]);
  let worst = 0;
  expected.data.forEach((value, index) => (worst = Math.max(worst, Math.abs(actual.data[index]! - value))));
  expect(worst, label).toBeLessThanOrEqual(tolerance);
}

/**
 * The shared test suite every {@link AttributionMethod} must pass, ours and third parties'
 * alike. It explains seeded random images of a small model and checks the contract of
 * {@link AttributionMethod.attribute}: a finite H×W map for the model's input; each planned
 * evaluation reported once to the ledger; the batch-size limit on every run; the same map for
 * the same image, bit for bit, whatever the batch size (within a tolerance) and whatever was
 * explained before; the input left untouched; and cancellation, both before the first batch and
 * between batches. Each check calls `attribute` a few times, so give it a cheap instance: on
 * the toy model's 16×16 input, RISE with some 40 masks or Occlusion with a large stride.
 *
 * @example
 * ```ts
 * // my-method.spec.ts
 * import { describeAttributionMethodConformance } from '@polycam/core/testing';
 * describeAttributionMethodConformance('rise', () => new RiseMethod({ masks: 40 }));
 * ```
 *
 * @param name - A label for the describe block.
 * @param createMethod - Makes a cheap instance of the method under test; called once per
 *   check, and again where a fresh instance is compared with a used one.
 * @param options - The backend to explain on, the tolerance and the timeout.
 */
export function describeAttributionMethodConformance(
  name: string,
  createMethod: () => AttributionMethod,
  options: AttributionConformanceOptions = {},
): void {
  const tolerance = options.tolerance ?? 1e-6;
  const timeout = options.timeoutMs ?? 60_000;
  const load = options.createBackend ?? (async () => createToyBackend());

  /** Runs a check on a loaded backend and a new instance, and disposes of the backend. */
  const withBackend = (check: (backend: ModelBackend, method: AttributionMethod) => Promise<void>) => async () => {
    const backend = await load();
    try {
      await check(backend, createMethod());
    } finally {
      await backend.dispose();
    }
  };

  describe(`AttributionMethod conformance: ${name}`, () => {
    it('has an id, aliases, a description, required capabilities and a planned count', withBackend(async (backend, method) => {
      expect(method.id).toMatch(/^\S+$/);
      expect(method.description).toMatch(/\S/);
      expect(Array.isArray(method.aliases) && method.aliases.every((alias) => /^\S+$/.test(alias))).toBe(true);
      expect(Array.isArray(method.requires)).toBe(true);
      const planned = method.plannedEvaluations(backend.description);
      expect(Number.isInteger(planned) && planned >= 0).toBe(true);
    }), timeout);

    it('is checked on a backend that has every capability it requires', withBackend(async (backend, method) => {
      const missing = method.requires.filter((capability) => !backend.capabilities.has(capability));
      expect(missing, `${method.id} requires capabilities the backend lacks; pass createBackend with a backend that has them`).toEqual([]);
    }), timeout);

    it('returns a finite map of the input’s size', withBackend(async (backend, method) => {
      const [, height, width] = backend.description.input.shape;
      const map = await method.attribute(await prepare(backend, method).context(31));
      expect([map.height, map.width, map.data.length]).toEqual([height, width, height * width]);
      expect(map.data).toBeInstanceOf(Float32Array);
      expect(map.data.every(Number.isFinite)).toBe(true);
    }), timeout);

    it('reports each planned evaluation to the ledger exactly once', async () => {
      const { backend, batches } = observedBackend(await load());
      try {
        const method = createMethod();
        const prepared = prepare(backend, method);
        const context = await prepared.context(32);
        batches.length = 0;
        await method.attribute(context);
        expect(context.counts.run + context.counts.saved).toBe(prepared.planned);
        expect(context.counts.run).toBeLessThanOrEqual(batches.reduce((sum, size) => sum + size, 0));
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('never sends more images in one run than the batch size', async () => {
      const { backend, batches } = observedBackend(await load());
      try {
        const method = createMethod();
        const context = await prepare(backend, method).context(33, { batchSize: 3 });
        batches.length = 0;
        await method.attribute(context);
        expect(batches.filter((size) => size > 3)).toEqual([]);
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('is deterministic: the same image gives the same map, bit for bit', withBackend(async (backend, method) => {
      const prepared = prepare(backend, method);
      const first = await method.attribute(await prepared.context(34));
      expect(await createMethod().attribute(await prepared.context(34))).toEqual(first);
    }), timeout);

    it('gives the same map whatever the batch size', withBackend(async (backend, method) => {
      const prepared = prepare(backend, method);
      const reference = await method.attribute(await prepared.context(35, { batchSize: 1 }));
      for (const batchSize of [2, 7, Math.max(1, prepared.planned)]) {
        const map = await createMethod().attribute(await prepared.context(35, { batchSize }));
        expectClose(map, reference, tolerance, `batch size ${batchSize} against 1`);
      }
    }), timeout);

    it('keeps no state between calls: A, then B, then A again gives the first A, and B what a fresh instance gives', withBackend(async (backend, method) => {
      const prepared = prepare(backend, method);
      const a = await method.attribute(await prepared.context(36));
      const b = await method.attribute(await prepared.context(37));
      expect(await method.attribute(await prepared.context(36))).toEqual(a);
      expect(b).toEqual(await createMethod().attribute(await prepared.context(37)));
    }), timeout);

    it('leaves the input untouched', withBackend(async (backend, method) => {
      const context = await prepare(backend, method).context(38);
      const input = context.input.data.slice();
      await method.attribute(context);
      expect(context.input.data).toEqual(input);
    }), timeout);

    it('rejects with aborted, running nothing, when its signal has already fired', async () => {
      const { backend, batches } = observedBackend(await load());
      try {
        const method = createMethod();
        const controller = new AbortController();
        controller.abort();
        const context = await prepare(backend, method).context(39, { signal: controller.signal });
        batches.length = 0;
        expect(await rejectionKindOf(() => method.attribute(context))).toBe('aborted');
        expect(batches).toEqual([]);
      } finally {
        await backend.dispose();
      }
    }, timeout);

    it('stops with aborted, before all its planned evaluations, when its signal fires after the first batch', async () => {
      const controller = new AbortController();
      let armed = false;
      const { backend, batches } = observedBackend(await load(), () => armed && controller.abort());
      try {
        const method = createMethod();
        const prepared = prepare(backend, method);
        // With fewer than two evaluations there is no batch after the first to stop.
        if (prepared.planned < 2) return;
        const context = await prepared.context(40, { signal: controller.signal, batchSize: Math.ceil(prepared.planned / 3) });
        batches.length = 0;
        armed = true;
        expect(await rejectionKindOf(() => method.attribute(context))).toBe('aborted');
        expect(batches.reduce((sum, size) => sum + size, 0)).toBeLessThan(prepared.planned);
      } finally {
        await backend.dispose();
      }
    }, timeout);
  });
}
