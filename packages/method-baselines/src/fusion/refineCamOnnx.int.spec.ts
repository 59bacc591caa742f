import { OnnxBackend } from '@polycam/backend-onnx';
import { buildVggLikeModel } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, seededRandom, TOKENS, type ExplainResult, type Explainer, type ModelBackend, type Tensor } from '@polycam/core';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteRefineCam, camOf, largestDifference } from './refineCam.testkit.js';

// refine-cam± end to end on an ONNX VGG-like model the test builds: the per-layer CAMs are
// recomputed from the model's activations and the stages' CVC weights, which must be PCAM±'s,
// and RefineCAM's formula, by brute force, must give the explanation's map.

const SIZE = 32;

describe('refine-cam± on an ONNX VGG-like model', () => {
  let explainer: Explainer;
  let backend: ModelBackend;
  let input: Tensor;
  let refine: ExplainResult;
  let pcam: ExplainResult;

  beforeAll(async () => {
    explainer = (await createPolycamContainer(polycamModule, baselinesModule)).get(TOKENS.Explainer);
    backend = await OnnxBackend.load({ bytes: buildVggLikeModel({ size: SIZE, widths: [6, 8, 10], convsPerStage: 1, seed: 3 }) });
    const random = seededRandom(21);
    input = { shape: [1, 3, SIZE, SIZE], data: Float32Array.from({ length: 3 * SIZE * SIZE }, () => random() * 4 - 2) };
    refine = await explainer.explain({ backend, input, method: 'refinecam-pm', batchSize: 8 });
    pcam = await explainer.explain({ backend, input, method: 'pcam±', batchSize: 8 });
  });
  afterAll(() => backend?.dispose());

  it('runs CVC with the refine fusion on the same auto layers, passes and channel weights as pcam±', () => {
    expect(refine.method).toEqual({ preset: 'refine-cam±', strategy: 'cvc', fusion: 'refine' });
    expect(refine.layers.length).toBeGreaterThanOrEqual(3);
    expect(refine.layers).toEqual(pcam.layers);
    expect(refine.passes).toEqual(pcam.passes);
    refine.stages.forEach((stage, index) => expect(stage.weights, stage.layer).toEqual(pcam.stages[index]!.weights));
  });

  it('has per-layer CAMs equal to ReLU(Σ w_k A^k) recomputed from the model’s activations', async () => {
    const run = await backend.run({ input, taps: refine.layers });
    for (const stage of refine.stages) {
      const cam = camOf(run.activations.get(stage.layer)!, stage.weights);
      expect([stage.cam.height, stage.cam.width]).toEqual([cam.height, cam.width]);
      expect(largestDifference(stage.cam.data, cam.data), stage.layer).toBeLessThan(1e-5 * Math.max(...cam.data, 1));
      expect(cam.data.some((value) => value > 0), stage.layer).toBe(true);
    }
  });

  it('gives mm(Π_l mm(resize(mm(C_l)))) by brute force, and each stage RefineCAM of the layers from it down', () => {
    expect([refine.map.height, refine.map.width]).toEqual([SIZE, SIZE]);
    expect(largestDifference(refine.map.data, bruteRefineCam(refine.stages.map((stage) => stage.cam), SIZE, SIZE))).toBeLessThan(1e-6);
    refine.stages.forEach((stage, index) => {
      const fromHere = refine.stages.slice(index).map((deeper) => deeper.cam);
      expect(largestDifference(stage.map.data, bruteRefineCam(fromHere, SIZE, SIZE)), stage.layer).toBeLessThan(1e-6);
    });
    expect(Math.max(...refine.map.data)).toBeCloseTo(1, 6);
    expect(largestDifference(refine.map.data, pcam.map.data)).toBeGreaterThan(1e-2);
  });
});
