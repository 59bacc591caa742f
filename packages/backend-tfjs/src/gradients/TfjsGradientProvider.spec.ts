import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classTarget, seededRandom, type TargetFunction, type Tensor } from '@polycam/core';
import { rejectionKindOf } from '@polycam/core/testing';
import { buildTfjsLayersCnn, readSavedWeight, writeTfjsGraphModel } from '@polycam/backend-tfjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsBackend } from '../TfjsBackend.js';

function randomImage(size: number, seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, size, size], data: Float32Array.from({ length: 3 * size * size }, () => random() * 2 - 1) };
}


/**
 * For `A → global average pool → dense(W)`, `∂z_m/∂A[k,i,j] = W[k,m] / (h·w)`, so the gradient of
 * any target is `Σ_m g_m W[k,m] / (h·w)` with `g = ∂s/∂z`, the same at every pixel of channel k.
 */
function expectPoolThenDenseGradient(gradient: Tensor, kernel: Float32Array, classes: number, outputGradient: Float32Array): void {
  const [channels, height, width] = gradient.shape as [number, number, number];
  for (let k = 0; k < channels; k += 1) {
    let expected = 0;
    for (let m = 0; m < classes; m += 1) expected += (outputGradient[m]! * kernel[k * classes + m]!) / (height * width);
    for (let pixel = 0; pixel < height * width; pixel += 1) {
      expect(gradient.data[k * height * width + pixel]).toBeCloseTo(expected, 6);
    }
  }
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polycam-tfjs-gradients-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('TfjsBackend gradients', () => {
  it('matches the closed form through pooling and a dense layer on a LayersModel, for identity and softmax targets', async () => {
    const path = await buildTfjsLayersCnn(join(folder, 'layers'), { seed: 11 });
    const backend = await TfjsBackend.load({ path });
    try {
      const input = randomImage(16, 1);
      const kernel = await readSavedWeight(path, 'fc/kernel');
      const { output } = await backend.run({ input, taps: ['relu2'] });
      for (const target of [classTarget(2, 'identity', 5), classTarget(4, 'softmax', 5)]) {
        const { activation, gradient } = await backend.gradients.layerGradient(input, 'relu2', target);
        expect(activation.shape).toEqual([6, 8, 8]);
        expect(gradient.shape).toEqual([6, 8, 8]);
        expectPoolThenDenseGradient(gradient, kernel, 5, target.gradient!(output.data));
      }
    } finally {
      await backend.dispose();
    }
  });

  it('matches the closed form on a GraphModel, by feeding the node back into the graph', async () => {
    const path = await writeTfjsGraphModel(join(folder, 'graph'), { seed: 12 });
    const backend = await TfjsBackend.load({ path });
    try {
      const input = randomImage(16, 2);
      const kernel = await readSavedWeight(path, 'logits/kernel');
      const { output, activations } = await backend.run({ input, taps: ['block2/relu'] });
      const target = classTarget(1, 'softmax', 4);
      const { activation, gradient } = await backend.gradients.layerGradient(input, 'block2/relu', target);
      // Gradients are taken on the CPU backend, runs on WASM: the activations agree to rounding.
      const tapped = activations.get('block2/relu')!.data;
      activation.data.forEach((value, index) => expect(Math.abs(value - tapped[index]!)).toBeLessThan(1e-5));
      expectPoolThenDenseGradient(gradient, kernel, 4, target.gradient!(output.data));
    } finally {
      await backend.dispose();
    }
  });

  it('refuses an unknown layer and a batch of several images', async () => {
    const path = await writeTfjsGraphModel(join(folder, 'graph-refusals'), { seed: 14 });
    const backend = await TfjsBackend.load({ path });
    const target: TargetFunction = classTarget(0, 'identity', 4);
    try {
      expect(await rejectionKindOf(backend.gradients.layerGradient(randomImage(16, 4), 'no/such/node', target))).toBe('unknown-layer');
      const two: Tensor = { shape: [2, 3, 16, 16], data: new Float32Array(2 * 3 * 16 * 16) };
      expect(await rejectionKindOf(backend.gradients.layerGradient(two, 'block1/relu', target))).toBe('invalid-argument');
    } finally {
      await backend.dispose();
    }
  });
});
