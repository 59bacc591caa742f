import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, type Tensor } from '@polycam/core';
import { buildTfjsLayersCnn } from '@polycam/backend-tfjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainTfjsModel, openTfjsModel } from './explainTfjsModel.js';

const size = 16;
let folder: string;
let modelPath: string;

function randomImage(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [3, size, size], data: Float32Array.from({ length: 3 * size * size }, () => random() * 2 - 1) };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polycam-docs-tfjs-'));
  modelPath = await buildTfjsLayersCnn(folder, { seed: 3, size });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the TF.js snippets', () => {
  it('explain a TF.js model.json with PCAM±, picked by loadModel from the file name', async () => {
    const result = await explainTfjsModel(modelPath, randomImage(1));
    expect(result.method.preset).toBe('pcam±');
    expect([result.map.height, result.map.width]).toEqual([size, size]);
    expect(Math.max(...result.map.data)).toBeLessThanOrEqual(1);
  });

  it('run a gradient method, which the TF.js backend supports', async () => {
    const result = await explainTfjsModel(modelPath, randomImage(2), 'grad-cam');
    expect(result.method.preset).toBe('grad-cam');
    expect([result.map.height, result.map.width]).toEqual([size, size]);
  });

  it('open a model on a chosen platform without a container', async () => {
    const backend = await openTfjsModel(modelPath, 'cpu');
    try {
      expect(backend.id).toBe('tfjs');
      expect(backend.capabilities.has('gradients')).toBe(true);
      expect(backend.description.input.shape).toEqual([3, size, size]);
    } finally {
      await backend.dispose();
    }
  });
});
