import { Explainer, seededRandom, type Fusion, type Map2D, type WeightingStrategy } from '@polycam/core';
import { saliencyMap } from '@polycam/core/kernels';
import { createToyBackend } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';

// A fusion at the input's resolution: the explainer hands every fuse the input's size and stages
// each fused map with the fusion's own stageMap; a fusion without one keeps resize(u(P), H×W).

/** Weighs every channel by 1, without any pass. */
const ones: WeightingStrategy = { id: 'ones', description: 'w_k = 1', requires: ['forward'], plannedEvaluations: () => 0, computeWeights: async ({ activation }) => new Float32Array(activation.shape[0]!).fill(1) };

/** Fills the input's size with the CAM's maximum plus the deeper value; stages P / (1 + max P). */
function inputSizedFusion(): Fusion & { sizes: unknown[] } {
  const sizes: unknown[] = [];
  return {
    id: 'input-sized',
    description: 'fuses at the input size',
    sizes,
    fuse(cam, deeper, input) {
      sizes.push(input);
      const { height, width } = input ?? cam;
      const value = Math.max(...cam.data) + (deeper?.data[0] ?? 0);
      return { height, width, data: new Float32Array(height * width).fill(value) };
    },
    stageMap: (fused, height, width) => ({ height, width, data: fused.data.map((value) => value / (1 + value)) }),
  };
}

const input = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, seededRandom(4)) };
const presets = (fusion: string) => [{ id: 'p', aliases: [], strategy: 'ones', fusion, description: 'test' }];

describe('a fusion with its own size and stage map', () => {
  it('is handed the input’s size at every layer and staged by its stageMap', async () => {
    const fusion = inputSizedFusion();
    const result = await new Explainer({ strategies: [ones], fusions: [fusion], presets: presets('input-sized') }).explain({ backend: createToyBackend(), input, method: 'p', layers: ['relu1', 'relu2'] });
    expect(fusion.sizes).toEqual([{ height: 16, width: 16 }, { height: 16, width: 16 }]);
    for (const stage of result.stages) {
      expect([stage.fused.height, stage.fused.width]).toEqual([16, 16]);
      const value = stage.fused.data[0]!;
      expect(Array.from(stage.map.data)).toEqual(new Array(256).fill(Math.fround(value / (1 + value))));
    }
    expect(result.stages[0]!.fused.data[0]).toBeCloseTo(Math.max(...result.stages[0]!.cam.data) + Math.max(...result.stages[1]!.cam.data), 4);
  });

  it('keeps resize(u(P), H×W) for a fusion with no stage map', async () => {
    const keep: Fusion = { id: 'keep', description: 'P = C', fuse: (cam: Map2D) => ({ ...cam, data: cam.data.slice() }) };
    const result = await new Explainer({ strategies: [ones], fusions: [keep], presets: presets('keep') }).explain({ backend: createToyBackend(), input, method: 'p', layers: ['relu2'] });
    expect(result.map.data).toEqual(saliencyMap(result.stages[0]!.cam, 16, 16).data);
  });
});
