import { createPolycamContainer, seededRandom, TOKENS } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';
import { fuseByHand } from './fuseByHand.js';

describe('the method guide', () => {
  it('reproduces the lnorm fusion from the per-layer CAMs', async () => {
    const backend = createToyBackend();
    const container = await createPolycamContainer(polycamModule);
    const random = seededRandom(4);
    const input = { shape: [3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 2 - 1) };
    // #region ablations
    const explainer = container.get(TOKENS.Explainer);
    const result = await explainer.explain({ backend, input, method: 'pcam±' });
    const withoutLNorm = await explainer.explain({ backend, input, method: 'pcam±', fusion: 'no-lnorm' });
    const perLayer = await explainer.explain({ backend, input, method: 'pcam±', fusion: 'single-layer' });
    // #endregion ablations
    const mine = fuseByHand(result);
    for (let index = 0; index < mine.data.length; index += 1) {
      expect(mine.data[index]).toBeCloseTo(result.map.data[index]!, 6);
    }
    expect(withoutLNorm.method.fusion).toBe('no-lnorm');
    expect(perLayer.stages.map((stage) => stage.layer)).toEqual(result.stages.map((stage) => stage.layer));
    await backend.dispose();
  });
});
