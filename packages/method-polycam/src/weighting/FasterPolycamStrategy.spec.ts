import {
  argmax,
  classTarget,
  PolycamError,
  resolveLayers,
  seededRandom,
  type ModelBackend,
  type Tensor,
  type WeightingContext,
} from '@polycam/core';
import { normalizeMap, resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend, describeWeightingStrategyConformance } from '@polycam/core/testing';
import { CicStrategy, CvcStrategy, FasterPolycamStrategy } from '@polycam/method-polycam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';


describeWeightingStrategyConformance('faster-cvc keeping 3 channels', () => new FasterPolycamStrategy(new CvcStrategy(), { keep: 3 }));
describeWeightingStrategyConformance('faster-cic keeping 2 channels, masked inputs', () => new FasterPolycamStrategy(new CicStrategy(), { keep: 2 }), {
  createBackend: async () => createToyBackend({ maskedInputs: true }),
});

/** The variance of each channel, written the textbook way: mean, then mean squared deviation. */
function varianceOf(activation: Tensor, channel: number): number {
  const [, height, width] = activation.shape as [number, number, number];
  const values = Array.from(activation.data.subarray(channel * height * width, (channel + 1) * height * width));
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
}

/** Brute force: one plain forward pass per masked image, no shortcuts, no batching. */
async function bruteForceFasterCvc(context: WeightingContext, keep: number): Promise<Float32Array> {
  const { activation, input, backend, target, baseScore } = context;
  const [channels, height, width] = activation.shape as [number, number, number];
  const [, imageChannels, imageHeight, imageWidth] = input.shape as [number, number, number, number];
  const ranked = Array.from({ length: channels }, (_, channel) => ({ channel, variance: varianceOf(activation, channel) }))
    .sort((a, b) => b.variance - a.variance || a.channel - b.channel)
    .slice(0, keep);
  const scoreOf = async (mask: Float32Array, complement: boolean): Promise<number> => {
    const image = input.data.map((value, index) => {
      const m = mask[index % (imageHeight * imageWidth)]!;
      return value * (complement ? 1 - m : m);
    });
    const { output } = await backend.run({ input: { shape: [1, imageChannels, imageHeight, imageWidth], data: image } });
    return target.score(output.data);
  };
  const weights = new Float32Array(channels);
  for (const { channel } of ranked) {
    const plane = activation.data.slice(channel * height * width, (channel + 1) * height * width);
    const mask = resizeBilinear({ height, width, data: normalizeMap(plane) }, imageHeight, imageWidth).data;
    weights[channel] = Math.max((await scoreOf(mask, false)) + baseScore - (await scoreOf(mask, true)), 0);
  }
  return weights;
}

describe('FasterPolycamStrategy', () => {
  let backend: ModelBackend;
  let contexts: (WeightingContext & { counts: { run: number; saved: number } })[];

  beforeAll(async () => {
    backend = await createToyBackend();
    const random = seededRandom(5);
    const input: Tensor = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 3 * 16 * 16 }, () => random() * 4 - 2) };
    const layers = resolveLayers(backend.description, 'auto');
    const result = await backend.run({ input, taps: layers });
    const target = classTarget(argmax(result.output.data), 'softmax', 5);
    contexts = layers.map((layer) => {
      const tapped = result.activations.get(layer)!;
      const counts = { run: 0, saved: 0 };
      return {
        backend,
        input,
        layer,
        activation: { shape: tapped.shape.slice(1), data: tapped.data },
        target,
        baseScore: target.score(result.output.data),
        batchSize: 4,
        signal: new AbortController().signal,
        ledger: { run: (count: number) => (counts.run += count), saved: (count: number) => (counts.saved += count) },
        counts,
      };
    });
  });
  afterAll(() => backend.dispose());

  it('gives CVC weights to the highest-variance channels and 0 to the others, as the formula says', async () => {
    let positive = 0;
    for (const context of contexts) {
      for (const keep of [1, 3]) {
        const weights = await new FasterPolycamStrategy(new CvcStrategy(), { keep }).computeWeights(context);
        const expected = await bruteForceFasterCvc(context, keep);
        expect(weights).toHaveLength(expected.length);
        weights.forEach((weight, channel) => expect(weight).toBeCloseTo(expected[channel]!, 5));
        positive += expected.filter((weight) => weight > 0).length;
      }
    }
    expect(positive).toBeGreaterThan(2); // the check is not vacuous
  });

  it('is exactly the wrapped strategy when it keeps every channel', async () => {
    for (const context of contexts) {
      const channels = context.activation.shape[0]!;
      const faster = await new FasterPolycamStrategy(new CvcStrategy(), { keep: channels }).computeWeights(context);
      expect(faster).toEqual(await new CvcStrategy().computeWeights(context));
    }
  });

  it('runs the wrapped strategy on the kept channels only: keep, or 2·keep for CVC, evaluations', async () => {
    const strategy = new FasterPolycamStrategy(new CvcStrategy(), { keep: 2 });
    expect(strategy.id).toBe('faster-cvc');
    expect([1, 2, 6, 512].map((channels) => strategy.plannedEvaluations(channels))).toEqual([2, 4, 4, 4]);
    const context = contexts.at(-1)!;
    context.counts.run = 0;
    context.counts.saved = 0;
    await strategy.computeWeights(context);
    expect(context.counts.run + context.counts.saved).toBe(4);
  });

  it('refuses a keep that is not a positive integer', () => {
    for (const keep of [0, -1, 2.5, Number.NaN]) {
      expect(() => new FasterPolycamStrategy(new CvcStrategy(), { keep })).toThrow(PolycamError);
    }
  });
});
