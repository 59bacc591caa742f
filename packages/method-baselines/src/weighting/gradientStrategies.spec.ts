import { classTarget, seededRandom, type ModelBackend, type Tensor, type WeightingContext } from '@polycam/core';
import { createToyBackend, describeWeightingStrategyConformance } from '@polycam/core/testing';
import { GradCamPlusPlusStrategy, GradCamStrategy, LayerCamStrategy } from '@polycam/method-baselines';
import { describe, expect, it } from 'vitest';

const withGradients = async (): Promise<ModelBackend> => createToyBackend({ gradients: true });
describeWeightingStrategyConformance('grad-cam', () => new GradCamStrategy(), { createBackend: withGradients });
describeWeightingStrategyConformance('grad-cam++', () => new GradCamPlusPlusStrategy(), { createBackend: withGradients });
describeWeightingStrategyConformance('layer-cam', () => new LayerCamStrategy(), { createBackend: withGradients });

/** A backend whose layer `a` has activation A = [[1, 3]] (one channel, 1×2) and gradient g = [[2, −1]]. */
function fixedGradientBackend(gradient = Float32Array.of(2, -1)): ModelBackend {
  const shape = [1, 1, 2];
  return {
    id: 'fixed',
    capabilities: new Set(['forward', 'gradients']),
    description: { input: { name: 'x', shape: [1, 1, 2], layout: 'NCHW', fixedBatchSize: undefined }, output: { name: 'y', shape: [2], size: 2 }, layers: [{ name: 'a', op: 'Relu', shape }] },
    gradients: { layerGradient: async () => ({ activation: { shape, data: Float32Array.of(1, 3) }, gradient: { shape, data: gradient } }) },
    run: async () => ({ output: { shape: [1, 2], data: new Float32Array(2) }, activations: new Map() }),
    dispose: async () => {},
  };
}

function contextOn(backend: ModelBackend, activation: Tensor, layer: string, input: Tensor, classIndex = 0): WeightingContext {
  return {
    backend,
    input,
    layer,
    activation,
    target: classTarget(classIndex, 'softmax', backend.description.output.size),
    baseScore: 0.5,
    batchSize: 32,
    signal: new AbortController().signal,
    ledger: { run: () => {}, saved: () => {} },
  };
}

describe('gradient strategies, hand-worked (A = [1, 3], g = [2, −1])', () => {
  const backend = fixedGradientBackend();
  const context = contextOn(backend, { shape: [1, 1, 2], data: Float32Array.of(1, 3) }, 'a', { shape: [1, 1, 1, 2], data: new Float32Array(2) });

  it('Grad-CAM: the mean gradient, (2 − 1) / 2 = 0.5', async () => {
    expect(Array.from(await new GradCamStrategy().computeWeights(context))).toEqual([0.5]);
  });

  it('Grad-CAM++: α = 4 / (2·4 + (1 + 3)·8) = 0.1 at the positive gradient, so w = 0.1 · 2 = 0.2', async () => {
    expect((await new GradCamPlusPlusStrategy().computeWeights(context))[0]).toBeCloseTo(0.2, 7);
  });

  it('Layer-CAM: ReLU of each gradient, [2, 0]', async () => {
    expect(Array.from(await new LayerCamStrategy().computeWeights(context))).toEqual([2, 0]);
  });
});

describe('gradient strategies on the toy network, against the papers\' formulas', () => {
  const backend = createToyBackend({ gradients: true });
  const random = seededRandom(11);
  const input: Tensor = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };

  async function layerCase(layer: string, score: 'logit' | 'target') {
    const classIndex = 2;
    const differentiated = classTarget(classIndex, score === 'logit' ? 'identity' : 'softmax', 5);
    const { activation, gradient } = await backend.gradients!.layerGradient(input, layer, differentiated);
    return { activation, gradient: gradient.data, context: contextOn(backend, activation, layer, input, classIndex) };
  }

  it.each(['relu1', 'relu2', 'pool2'])('Grad-CAM weighs channel k of %s by (1/hw) Σ ∂z_c/∂A_k', async (layer) => {
    const { activation, gradient, context } = await layerCase(layer, 'logit');
    const [channels, height, width] = activation.shape as [number, number, number];
    const weights = await new GradCamStrategy().computeWeights(context);
    for (let k = 0; k < channels; k += 1) {
      let sum = 0;
      for (let i = 0; i < height; i += 1) for (let j = 0; j < width; j += 1) sum += gradient[(k * height + i) * width + j]!;
      expect(weights[k]).toBeCloseTo(sum / (height * width), 6);
    }
    expect(weights.some((weight) => Math.abs(weight) > 1e-4)).toBe(true);
  });

  it('Grad-CAM with score "target" differentiates the softmax probability instead', async () => {
    const { gradient, context } = await layerCase('pool2', 'target');
    const weights = await new GradCamStrategy({ score: 'target' }).computeWeights(context);
    const mean0 = gradient.subarray(0, 16).reduce((sum, value) => sum + value, 0) / 16;
    expect(weights[0]).toBeCloseTo(mean0, 7);
    const logitWeights = await new GradCamStrategy().computeWeights(context);
    expect(Math.abs(logitWeights[0]! - weights[0]!)).toBeGreaterThan(1e-6);
  });

  it.each(['relu2', 'pool2'])('Grad-CAM++ follows eq. 19: Σ_ij g²/(2g² + Σ_ab A_ab g³) ReLU(g) on %s', async (layer) => {
    const { activation, gradient, context } = await layerCase(layer, 'logit');
    const [channels, height, width] = activation.shape as [number, number, number];
    const weights = await new GradCamPlusPlusStrategy().computeWeights(context);
    for (let k = 0; k < channels; k += 1) {
      let total = 0;
      for (let a = 0; a < height * width; a += 1) total += activation.data[k * height * width + a]!;
      let expected = 0;
      for (let ij = 0; ij < height * width; ij += 1) {
        const g = gradient[k * height * width + ij]!;
        const alpha = g === 0 ? 0 : (g ** 2) / (2 * g ** 2 + total * g ** 3);
        expected += alpha * Math.max(g, 0);
      }
      expect(weights[k]).toBeCloseTo(expected, 5);
    }
  });

  it('Layer-CAM gives ReLU(∂z_c/∂A) element by element', async () => {
    const { gradient, context } = await layerCase('relu1', 'logit');
    const weights = await new LayerCamStrategy().computeWeights(context);
    expect(weights).toHaveLength(4 * 16 * 16);
    gradient.forEach((g, index) => expect(weights[index]).toBe(Math.max(g, 0)));
  });

  it('refuses a backend without gradients with unsupported-capability, before any run', async () => {
    const runs: number[] = [];
    const plain = createToyBackend({ onRun: (size) => runs.push(size) });
    const activation: Tensor = { shape: [6, 4, 4], data: new Float32Array(96) };
    await expect(new GradCamStrategy().computeWeights(contextOn(plain, activation, 'pool2', input))).rejects.toMatchObject({ kind: 'unsupported-capability' });
    expect(runs).toEqual([]);
  });
});

describe('gradient strategies refuse a gradient that is not finite', () => {
  it('fails with non-finite-output naming the layer, not a silent zero map', async () => {
    const backend = fixedGradientBackend(Float32Array.of(2, Number.NaN));
    const context = contextOn(backend, { shape: [1, 1, 2], data: Float32Array.of(1, 3) }, 'a', { shape: [1, 1, 1, 2], data: new Float32Array(2) });
    const error = await new GradCamStrategy().computeWeights(context).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PolycamError', kind: 'non-finite-output' });
    expect((error as Error).message).toMatch(/NaN.*gradient pass of layer 'a'/);
  });
});
