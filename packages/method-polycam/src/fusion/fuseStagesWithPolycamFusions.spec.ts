import { createPolycamContainer, fuseStages, seededRandom, TOKENS } from '@polycam/core';
import { saliencyMap } from '@polycam/core/kernels';
import { createToyBackend } from '@polycam/core/testing';
import { LNormFusion, NoLNormFusion, polycamModule, SingleLayerFusion } from '../index.js';
import { describe, expect, it } from 'vitest';

describe('fuseStages', async () => {
  const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
  const backend = createToyBackend();
  const random = seededRandom(5);
  const input = { shape: [3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };

  it('gives back the explanation itself when re-fused with the same fusion', async () => {
    const result = await explainer.explain({ backend, input, method: 'pcam±' });
    const fused = fuseStages(result.stages, new LNormFusion());
    expect(fused.data).toEqual(result.stages[0]!.fused.data);
    expect(saliencyMap(fused, 16, 16).data).toEqual(result.map.data);
  });

  it('gives what the explainer computes with another fusion, from the same weights', async () => {
    const withLNorm = await explainer.explain({ backend, input, method: 'pcam±' });
    for (const [id, fusion] of [['no-lnorm', new NoLNormFusion()], ['single-layer', new SingleLayerFusion()]] as const) {
      const direct = await explainer.explain({ backend, input, method: 'pcam±', fusion: id });
      expect(saliencyMap(fuseStages(withLNorm.stages, fusion), 16, 16).data, id).toEqual(direct.map.data);
    }
  });

  it("gives one layer's own CAM from a single stage", async () => {
    const result = await explainer.explain({ backend, input, method: 'pcam±' });
    for (const stage of result.stages) {
      expect(fuseStages([stage], new SingleLayerFusion()).data).toEqual(stage.cam.data);
    }
  });
});
