import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, type ModelBackend, type Tensor } from '@polycam/core';
import { rejectionKindOf } from '@polycam/core/testing';
import { buildTfjsLayersCnn, writeTfjsGraphModel } from '@polycam/backend-tfjs/testing';
import { memory } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsBackend } from '../TfjsBackend.js';

let folder: string;
let backend: TfjsBackend;
const input: Tensor = (() => {
  const random = seededRandom(1);
  return { shape: [2, 3, 16, 16], data: Float32Array.from({ length: 2 * 3 * 256 }, () => random() * 2 - 1) };
})();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polycam-tfjs-randomize-'));
  backend = await TfjsBackend.load({ path: await buildTfjsLayersCnn(join(folder, 'layers'), { seed: 31 }) });
});
afterAll(async () => {
  await backend.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function outputs(model: ModelBackend): Promise<{ logits: Float32Array; relu2: Float32Array; relu1: Float32Array }> {
  const result = await model.run({ input, taps: ['relu1', 'relu2'] });
  return { logits: result.output.data, relu1: result.activations.get('relu1')!.data, relu2: result.activations.get('relu2')!.data };
}

describe('TfjsWeightRandomizer', () => {
  it('lists the layers that hold weights, in forward order, and declares the capability', () => {
    expect(backend.capabilities.has('weight-randomization')).toBe(true);
    expect(backend.weightRandomizer!.parameterizedLayers).toEqual(['conv1', 'conv2', 'fc']);
  });

  it('changes only the named layers, in a copy, the same way for the same seed', async () => {
    const before = await outputs(backend);
    const countBefore = memory().numTensors;
    const copy = await backend.weightRandomizer!.randomized(['conv2'], 5);
    const again = await backend.weightRandomizer!.randomized(['conv2'], 5);
    const other = await backend.weightRandomizer!.randomized(['conv2'], 6);
    try {
      const [a, b, c] = [await outputs(copy), await outputs(again), await outputs(other)];
      expect(a.relu1).toEqual(before.relu1); // upstream of conv2: untouched
      expect(a.relu2).not.toEqual(before.relu2);
      expect(a.logits).not.toEqual(before.logits);
      expect(b.relu2).toEqual(a.relu2);
      expect(c.relu2).not.toEqual(a.relu2);
    } finally {
      await Promise.all([copy, again, other].map((model) => model.dispose()));
    }
    expect(memory().numTensors).toBe(countBefore);
    expect((await outputs(backend)).logits).toEqual(before.logits);
  });

  it('refuses a layer without weights, naming the nearest that have some', async () => {
    await expect(backend.weightRandomizer!.randomized(['relu2'], 1)).rejects.toThrow(/layer 'relu2' holds no weights to randomise; nearest: conv2/);
    expect(await rejectionKindOf(backend.weightRandomizer!.randomized(['fc'], Number.NaN))).toBe('invalid-argument');
  });

  it('is not offered on a GraphModel, whose weights are not grouped by layer', async () => {
    const graph = await TfjsBackend.load({ path: await writeTfjsGraphModel(join(folder, 'graph')) });
    try {
      expect(graph.capabilities.has('weight-randomization')).toBe(false);
      expect(graph.weightRandomizer).toBeUndefined();
    } finally {
      await graph.dispose();
    }
  });
});
