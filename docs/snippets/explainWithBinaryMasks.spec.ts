import { seededRandom } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { explainWithBinaryMasks } from './explainWithBinaryMasks.js';

describe('the binary-pcam preset of the strategy guide', () => {
  it('explains an image on the toy backend', async () => {
    const backend = createToyBackend();
    const random = seededRandom(3);
    const input = { shape: [3, 16, 16], data: Float32Array.from({ length: 3 * 16 * 16 }, () => random() * 2 - 1) };
    const result = await explainWithBinaryMasks(backend, input);
    expect(result.method).toEqual({ preset: 'binary-pcam', strategy: 'binary-cic', fusion: 'lnorm' });
    expect([result.map.height, result.map.width]).toEqual([16, 16]);
    const channels = result.stages.reduce((sum, stage) => sum + stage.weights.length, 0);
    expect(result.passes.run).toBe(1 + channels);
    await backend.dispose();
  });
});
