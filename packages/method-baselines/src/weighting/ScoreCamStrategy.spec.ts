import { argmax, classTarget, seededRandom, type Tensor, type WeightingContext } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend, describeWeightingStrategyConformance } from '@polycam/core/testing';
import { ScoreCamStrategy } from '@polycam/method-baselines';
import { describe, expect, it } from 'vitest';
import { minMaxNormalize } from '../masking/minMaxNormalize.js';

describeWeightingStrategyConformance('score-cam', () => new ScoreCamStrategy());
describeWeightingStrategyConformance('score-cam-softmax', () => new ScoreCamStrategy({ weights: 'softmax-logit-difference' }));

describe('minMaxNormalize', () => {
  it('maps [2, 4, 6] to [0, 0.5, 1] and a constant channel to zeros', () => {
    expect(Array.from(minMaxNormalize(Float32Array.of(2, 4, 6)))).toEqual([0, 0.5, 1]);
    expect(Array.from(minMaxNormalize(Float32Array.of(3, 3)))).toEqual([0, 0]);
  });
});

describe('ScoreCamStrategy against a brute-force Score-CAM', () => {
  const backend = createToyBackend();
  const random = seededRandom(5);
  const input: Tensor = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };

  async function setup(): Promise<{ context: WeightingContext; logitsOf: (k: number) => Promise<Float32Array>; channels: number }> {
    const result = await backend.run({ input, taps: ['pool2'] });
    const activation = { shape: [6, 4, 4], data: result.activations.get('pool2')!.data.slice() };
    const output = result.output.data;
    const target = classTarget(argmax(output), 'softmax', 5);
    const logitsOf = async (k: number): Promise<Float32Array> => {
      // M_k = resize((A_k − min) / (max − min), 16×16), written out here independently.
      const plane = activation.data.subarray(k * 16, (k + 1) * 16);
      const low = Math.min(...plane);
      const high = Math.max(...plane);
      const scaled = Float32Array.from(plane, (value) => (high > low ? (value - low) / (high - low) : 0));
      const mask = resizeBilinear({ height: 4, width: 4, data: scaled }, 16, 16).data;
      const masked = Float32Array.from(input.data, (value, index) => value * mask[index % 256]!);
      return (await backend.run({ input: { shape: [1, 3, 16, 16], data: masked } })).output.data;
    };
    const context: WeightingContext = {
      backend,
      input,
      layer: 'pool2',
      activation,
      target,
      baseScore: target.score(output),
      batchSize: 4,
      signal: new AbortController().signal,
      ledger: { run: () => {}, saved: () => {} },
    };
    return { context, logitsOf, channels: 6 };
  }

  it('weighs channel k by softmax(f(X ⊙ M_k))[c] with min-max masks', async () => {
    const { context, logitsOf, channels } = await setup();
    const weights = await new ScoreCamStrategy().computeWeights(context);
    for (let k = 0; k < channels; k += 1) {
      expect(weights[k]).toBeCloseTo(context.target.score(await logitsOf(k)), 5);
    }
  });

  it('weighs channel k by softmax_k(z_c(X ⊙ M_k) − z_c(X)) in the softmax variant, summing to 1', async () => {
    const { context, logitsOf, channels } = await setup();
    const weights = await new ScoreCamStrategy({ weights: 'softmax-logit-difference' }).computeWeights(context);
    const classIndex = context.target.classIndex!;
    const base = (await backend.run({ input })).output.data[classIndex]!;
    const increases: number[] = [];
    for (let k = 0; k < channels; k += 1) increases.push((await logitsOf(k))[classIndex]! - base);
    const exponentials = increases.map((value) => Math.exp(value));
    const total = exponentials.reduce((sum, value) => sum + value, 0);
    exponentials.forEach((value, k) => expect(weights[k]).toBeCloseTo(value / total, 5));
    expect(weights.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
  });
});
