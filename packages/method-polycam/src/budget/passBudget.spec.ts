import {
  createPolycamContainer,
  PolycamError,
  seededRandom,
  TOKENS,
  type AttributionMethod,
  type Explainer,
  type ExplainRequest,
  type ModelBackend,
  type Tensor,
  type WeightingStrategy,
} from '@polycam/core';
import { createToyBackend, rejectionKindOf } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import fc from 'fast-check';
import { ContainerModule } from 'inversify';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingBackend } from './countingBackend.testkit.js';

// maxPasses end to end on the toy backend (relu1 4, relu2 6, pool2 6 channels): the budget is
// never exceeded, whatever it is; a budget at or above the exact count gives the exact map bit
// for bit; the checks before any pass; and cancellation within one batch.

const LAYERS = ['relu1', 'relu2', 'pool2'];

/** A strategy that runs no pass and declares no passesFor, so it takes no budget. */
const activationMean: WeightingStrategy = {
  id: 'activation-mean',
  description: 'weighs each channel by its mean activation',
  requires: ['forward'],
  plannedEvaluations: () => 0,
  computeWeights: async ({ activation }) => new Float32Array(activation.shape[0]!).fill(1),
};

/** A pixel-attribution method, which takes no budget either. */
const flat: AttributionMethod = {
  id: 'flat',
  aliases: [],
  description: 'the same saliency everywhere',
  requires: ['forward'],
  plannedEvaluations: () => 0,
  attribute: async ({ input }) => ({ height: input.shape[2]!, width: input.shape[3]!, data: new Float32Array(input.shape[2]! * input.shape[3]!).fill(1) }),
};

const othersModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WeightingStrategy).toConstantValue(activationMean);
  bind(TOKENS.AttributionMethod).toConstantValue(flat);
  bind(TOKENS.MethodPreset).toConstantValue({ id: 'mean-cam', aliases: [], strategy: 'activation-mean', fusion: 'lnorm', description: 'mean CAM' });
});

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 3 * 16 * 16 }, () => random() * 4 - 2) };
}

describe('maxPasses on the toy backend', () => {
  let explainer: Explainer;
  let toy: ModelBackend;
  let maskedToy: ModelBackend;

  beforeAll(async () => {
    explainer = (await createPolycamContainer(polycamModule, othersModule)).get(TOKENS.Explainer);
    toy = await createToyBackend();
    maskedToy = await createToyBackend({ maskedInputs: true });
  });

  /** The exact map of the request, and its masked passes. */
  async function exactOf(request: ExplainRequest) {
    const result = await explainer.explain(request);
    expect(result.approximation).toBeUndefined();
    return { result, passes: result.passes.run - 1 };
  }

  it('never runs more masked passes than the budget, for any budget, method, rule and batch size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 0, max: 1000 }),
          method: fc.constantFrom('pcam±', 'pcam+', 'pcam-'),
          rule: fc.constantFrom('groups', 'top-variance'),
          batchSize: fc.constantFrom(1, 3, 32),
          masked: fc.boolean(),
          share: fc.double({ min: 0, max: 1.2, noNaN: true }),
        }),
        async ({ seed, method, rule, batchSize, masked, share }) => {
          const input = randomInput(seed);
          const base = { input, method, layers: LAYERS, batchSize };
          const { backend, runs } = countingBackend(masked ? maskedToy : toy);
          const exact = await exactOf({ ...base, backend });
          const maxPasses = Math.max(1, Math.round(share * exact.passes));
          runs.length = 0;
          const result = await explainer.explain({ ...base, backend, maxPasses, budgetRule: rule });
          const images = runs.reduce((sum, count) => sum + count, 0);
          expect(images).toBe(result.passes.run);
          expect(images - 1).toBeLessThanOrEqual(maxPasses);
          if (maxPasses >= exact.passes) {
            expect(result.approximation).toBeUndefined();
            expect(result.map.data).toEqual(exact.result.map.data);
            expect(result.passes).toEqual(exact.result.passes);
          } else {
            expect(result.approximation).toMatchObject({ rule, budget: maxPasses, exactPasses: exact.passes });
            expect(result.approximation!.layers.map((layer) => layer.layer)).toEqual(LAYERS);
            for (const layer of result.approximation!.layers) expect(layer.exact + layer.grouped + layer.unscored).toBe(layer.channels);
            expect(result.map.data.every(Number.isFinite)).toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 13 },
    );
  }, 120_000);

  it('resolves a fraction against the exact count after the unmasked pass', async () => {
    const request = { backend: toy, input: randomInput(3), layers: LAYERS };
    const exact = await exactOf(request);
    const half = await explainer.explain({ ...request, maxPasses: { fraction: 0.5 } });
    expect(half.approximation!.budget).toBe(Math.floor(exact.passes / 2));
    expect(half.passes.run - 1).toBeLessThanOrEqual(Math.floor(exact.passes / 2));
    const all = await explainer.explain({ ...request, maxPasses: { fraction: 1 } });
    expect(all.map.data).toEqual(exact.result.map.data);
    expect(all.approximation).toBeUndefined();
  });

  it('keeps the strongest channels of a layer exact and gives every channel a weight with groups', async () => {
    const request = { backend: toy, input: randomInput(8), layers: LAYERS };
    const exact = await exactOf(request);
    const result = await explainer.explain({ ...request, maxPasses: exact.passes - 2 });
    // One probe fewer: a single pair of masks shares a probe, every other weight is exact.
    const report = result.approximation!;
    expect(report.layers.reduce((sum, layer) => sum + layer.grouped, 0)).toBe(2);
    expect(report.layers.reduce((sum, layer) => sum + layer.unscored, 0)).toBe(0);
    const differing = result.stages.flatMap((stage, layer) =>
      Array.from(stage.weights).flatMap((weight, channel) => (weight === exact.result.stages[layer]!.weights[channel] ? [] : [channel])),
    );
    expect(differing.length).toBeLessThanOrEqual(2);
  });

  it.each<[string, Partial<ExplainRequest>, string]>([
    ['zero', { maxPasses: 0 }, 'invalid-argument'],
    ['a negative number', { maxPasses: -4 }, 'invalid-argument'],
    ['a non-integer', { maxPasses: 2.5 }, 'invalid-argument'],
    ['NaN', { maxPasses: Number.NaN }, 'invalid-argument'],
    ['a zero fraction', { maxPasses: { fraction: 0 } }, 'invalid-argument'],
    ['a fraction above 1', { maxPasses: { fraction: 1.5 } }, 'invalid-argument'],
    ['an attribution method', { maxPasses: 10, method: 'flat' }, 'invalid-argument'],
    ['a strategy without passesFor', { maxPasses: 10, method: 'mean-cam' }, 'invalid-argument'],
    ['an unknown rule', { maxPasses: 10, budgetRule: 'nope' }, 'unknown-method'],
    ['a rule without a budget', { budgetRule: 'groups' }, 'invalid-argument'],
  ])('refuses %s in prepare(), before any pass', async (_label, extra, kind) => {
    const { backend, runs } = countingBackend(toy);
    const request = { backend, input: randomInput(1), layers: LAYERS, ...extra } as ExplainRequest;
    expect(() => explainer.prepare(request)).toThrow(PolycamError);
    expect(await rejectionKindOf(explainer.explain(request))).toBe(kind);
    expect(runs).toEqual([]);
  });

  it('stops within one batch when cancelled mid-way through a budgeted map', async () => {
    const controller = new AbortController();
    let imagesAtAbort = -1;
    const { backend, runs } = countingBackend(toy, (images) => {
      if (images > 1 && imagesAtAbort < 0) {
        imagesAtAbort = images;
        controller.abort();
      }
    });
    const request = { backend, input: randomInput(2), layers: LAYERS, batchSize: 2, maxPasses: 12, signal: controller.signal };
    expect(await rejectionKindOf(explainer.explain(request))).toBe('aborted');
    expect(imagesAtAbort).toBe(3); // the unmasked pass and the first batch of 2
    expect(runs).toEqual([1, 2]);
  });
});
