import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TfjsBackend } from '@polycam/backend-tfjs';
import { buildTfjsLayersCnn } from '@polycam/backend-tfjs/testing';
import { classTarget, createPolycamContainer, seededRandom, TOKENS, type Explainer, type Tensor } from '@polycam/core';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import { memory } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteRefineCam, camOf, largestDifference } from './refineCam.testkit.js';

// refine-cam end to end on a TF.js LayersModel the test builds: Grad-CAM++ weights recomputed
// from the backend's own gradient of the class logit by the paper's eq. 19, the CAMs from the
// activations, RefineCAM's formula by brute force, and the TF.js tensor count left unchanged.

const SIZE = 32;

/** Grad-CAM++'s eq. 19 by loops: w_k = Σ_ij g²/(2g² + Σ_ab A_ab · g³) · ReLU(g), 0 where undefined. */
function gradCamPlusPlusWeights(activation: Tensor, gradient: Float32Array): number[] {
  const [channels, height, width] = activation.shape.slice(-3) as [number, number, number];
  const plane = height * width;
  return Array.from({ length: channels }, (_, k) => {
    let total = 0;
    for (let a = 0; a < plane; a += 1) total += activation.data[k * plane + a]!;
    let weight = 0;
    for (let ij = 0; ij < plane; ij += 1) {
      const g = gradient[k * plane + ij]!;
      const denominator = 2 * g ** 2 + total * g ** 3;
      if (g > 0 && denominator !== 0) weight += (g ** 2 / denominator) * g;
    }
    return weight;
  });
}

describe('refine-cam on a TF.js LayersModel', () => {
  let folder: string;
  let backend: TfjsBackend;
  let explainer: Explainer;
  let input: Tensor;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'polycam-refine-tfjs-'));
    backend = await TfjsBackend.load({ path: await buildTfjsLayersCnn(join(folder, 'model'), { size: SIZE, seed: 8 }) });
    explainer = (await createPolycamContainer(polycamModule, baselinesModule)).get(TOKENS.Explainer);
    const random = seededRandom(17);
    input = { shape: [1, 3, SIZE, SIZE], data: Float32Array.from({ length: 3 * SIZE * SIZE }, () => random() * 2 - 1) };
  });
  afterAll(async () => {
    await backend?.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('gives mm(Π_l mm(resize(mm(C_l)))) of Grad-CAM++ CAMs recomputed from the model’s gradients, leaving the tensor count unchanged', async () => {
    await explainer.explain({ backend, input, method: 'refine-cam' }); // builds and caches the sub-models
    const before = memory().numTensors;
    const result = await explainer.explain({ backend, input, method: 'refinecam' });
    expect(memory().numTensors).toBe(before);

    expect(result.method).toEqual({ preset: 'refine-cam', strategy: 'grad-cam++', fusion: 'refine' });
    expect(result.layers.length).toBeGreaterThanOrEqual(2);
    const run = await backend.run({ input, taps: result.layers });
    const cams = await Promise.all(
      result.layers.map(async (layer) => {
        const { activation, gradient } = await backend.gradients.layerGradient(input, layer, classTarget(result.classIndex!, 'identity', backend.description.output.size));
        return camOf(run.activations.get(layer)!, gradCamPlusPlusWeights(activation, gradient.data));
      }),
    );
    result.stages.forEach((stage, index) => {
      const cam = cams[index]!;
      expect([stage.cam.height, stage.cam.width], stage.layer).toEqual([cam.height, cam.width]);
      expect(largestDifference(stage.cam.data, cam.data), stage.layer).toBeLessThan(1e-5 * Math.max(...cam.data, 1));
      expect(cam.data.some((value) => value > 0), stage.layer).toBe(true);
    });
    expect(new Set(cams.map((cam) => cam.height)).size).toBe(cams.length); // several resolutions
    expect(largestDifference(result.map.data, bruteRefineCam(cams, SIZE, SIZE))).toBeLessThan(1e-6);
    expect(largestDifference(result.map.data, bruteRefineCam(result.stages.map((stage) => stage.cam), SIZE, SIZE))).toBeLessThan(1e-6);
  });
});
