import { describe, expect, it } from 'vitest';
import { classTarget } from '../target/classTarget.js';
import { seededRandom } from '../random/seededRandom.js';
import { createToyBackend } from './createToyBackend.js';
import { createToyNetwork } from './toyNetwork.js';

function image(seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: 768 }, () => random() * 4 - 2);
}

describe('toy network back-propagation', () => {
  const network = createToyNetwork(7);

  it('runs the same logits from any layer as from the image', () => {
    const values = network.forward(image(1));
    for (const layer of ['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'gap']) {
      expect(Array.from(network.forwardFrom(layer, values.get(layer)!))).toEqual(Array.from(values.get('logits')!));
    }
  });

  it.each(['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'gap'])(
    'matches central finite differences of z_c with respect to %s',
    (layer) => {
      const values = network.forward(image(2));
      const classIndex = 3;
      const oneHot = Float32Array.from({ length: 5 }, (_, k) => (k === classIndex ? 1 : 0));
      const gradient = network.backward(values, layer, oneHot);
      const value = values.get(layer)!;
      expect(gradient).toHaveLength(value.length);
      const step = 1e-3;
      let checked = 0;
      let largest = 0;
      for (let index = 0; index < value.length; index += Math.max(1, Math.floor(value.length / 40))) {
        // A rectified zero sits on a kink (ties in a max-pool window); differences are one-sided there.
        if (layer.startsWith('relu') && value[index]! <= step) continue;
        const probe = Float64Array.from(value);
        probe[index] = value[index]! + step;
        const above = network.forwardFrom(layer, Float32Array.from(probe))[classIndex]!;
        probe[index] = value[index]! - step;
        const below = network.forwardFrom(layer, Float32Array.from(probe))[classIndex]!;
        const numeric = (above - below) / (Math.fround(value[index]! + step) - Math.fround(value[index]! - step));
        expect(Math.abs(numeric - gradient[index]!)).toBeLessThan(1e-3 + 1e-2 * Math.abs(numeric));
        largest = Math.max(largest, Math.abs(gradient[index]!));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(4);
      expect(largest).toBeGreaterThan(1e-3); // the check compared something non-trivial
    },
  );
});

describe('createToyBackend with gradients', () => {
  it('declares the capability only when asked', () => {
    expect(createToyBackend().capabilities.has('gradients')).toBe(false);
    expect(createToyBackend().gradients).toBeUndefined();
    expect(createToyBackend({ gradients: true }).capabilities.has('gradients')).toBe(true);
  });

  it('chains the softmax target through the network: ∂p_c/∂A matches finite differences of p_c', async () => {
    const backend = createToyBackend({ gradients: true });
    const data = image(3);
    const target = classTarget(1, 'softmax', 5);
    const { activation, gradient } = await backend.gradients!.layerGradient({ shape: [1, 3, 16, 16], data }, 'relu2', target);
    expect(activation.shape).toEqual([6, 8, 8]);
    expect(gradient.shape).toEqual([6, 8, 8]);
    const tapped = await backend.run({ input: { shape: [1, 3, 16, 16], data }, taps: ['relu2'] });
    expect(Array.from(activation.data)).toEqual(Array.from(tapped.activations.get('relu2')!.data));
    const network = createToyNetwork(7);
    const step = 1e-2;
    for (const index of [0, 37, 100, 201, 383]) {
      const probe = activation.data.slice();
      probe[index] = activation.data[index]! + step;
      const above = target.score(network.forwardFrom('relu2', probe));
      probe[index] = activation.data[index]! - step;
      const below = target.score(network.forwardFrom('relu2', probe));
      expect(Math.abs((above - below) / (2 * step) - gradient.data[index]!)).toBeLessThan(2e-3);
    }
  });

  it('refuses an unknown layer with unknown-layer', async () => {
    const backend = createToyBackend({ gradients: true });
    await expect(
      backend.gradients!.layerGradient({ shape: [1, 3, 16, 16], data: image(4) }, 'relu9', classTarget(0, 'softmax', 5)),
    ).rejects.toMatchObject({ kind: 'unknown-layer' });
  });
});
