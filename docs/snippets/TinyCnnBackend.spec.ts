import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolycamContainer, loadModel, seededRandom, TOKENS } from '@polycam/core';
import { describeModelBackendConformance } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';
import { TinyCnnBackend } from './TinyCnnBackend.js';
import { tinyCnnBackendModule } from './tinyCnnBackendModule.js';
import type { TinyCnnWeights } from './TinyCnnWeights.js';

// #region weights
const random = seededRandom(5);
const weights: TinyCnnWeights = {
  size: 16,
  channels: 6,
  classes: 4,
  conv: Array.from({ length: 6 * 3 }, () => random() * 2 - 1),
  linear: Array.from({ length: 4 * 6 }, () => random() * 4 - 2),
};
// #endregion weights

// #region conformance
describeModelBackendConformance('tiny-cnn', async () => new TinyCnnBackend(weights));
// #endregion conformance

describe('the tiny-cnn backend in a container', () => {
  it('loads from a .tinycnn.json file and runs Poly-CAM', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tinycnn-'));
    try {
      const path = join(folder, 'model.tinycnn.json');
      await writeFile(path, JSON.stringify(weights));
      // #region explain
      const container = await createPolycamContainer(polycamModule, tinyCnnBackendModule);
      const backend = await loadModel(container, { path });
      const input = { shape: [3, 16, 16], data: Float32Array.from({ length: 3 * 16 * 16 }, () => random() * 2 - 1) };
      const result = await container.get(TOKENS.Explainer).explain({ backend, input, method: 'pcam-' });
      // #endregion explain
      expect(backend.id).toBe('tiny-cnn');
      expect(result.layers).toEqual(['relu', 'pool']);
      expect([result.map.height, result.map.width]).toEqual([16, 16]);
      await backend.dispose();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
