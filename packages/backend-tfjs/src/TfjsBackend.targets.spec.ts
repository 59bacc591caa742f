import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolycamContainer, segmentationTarget, seededRandom, TOKENS, type Explainer, type ExplainRequest, type TargetFunction, type Tensor } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { baselinesModule } from '@polycam/method-baselines';
import { buildTfjsLayersCnn, readSavedWeight } from '@polycam/backend-tfjs/testing';
import { memory } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsBackend } from './TfjsBackend.js';

// The NHWC LayersModel's conv2 layer, [N, 8, 8, 6], as the explained output: a 6-class
// "segmentation head", read channels first, [6, 8, 8] per image.

let folder: string;
let modelPath: string;
let explainer: Explainer;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polycam-tfjs-targets-'));
  modelPath = await buildTfjsLayersCnn(join(folder, 'layers'), { seed: 5 });
  explainer = (await createPolycamContainer(polycamModule, baselinesModule)).get(TOKENS.Explainer);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function randomImage(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 2 - 1) };
}

/**
 * Σ over the pixels p whose largest logit is c of e^{z_c,p} / Σ_k e^{z_k,p}, or of the logit
 * z_c,p itself (what Grad-CAM's `logit` score makes of a segmentation target), written out here.
 */
function bruteRegion(unmasked: Float32Array, classIndex: number, logits = false): { target: TargetFunction; pixels: number } {
  const region = Array.from({ length: 64 }, (_, pixel) => pixel).filter((pixel) => {
    const logits = Array.from({ length: 6 }, (_, k) => unmasked[k * 64 + pixel]!);
    return logits.indexOf(Math.max(...logits)) === classIndex;
  });
  const target: TargetFunction = {
    label: 'brute force',
    score: (z) => {
      let total = 0;
      for (const pixel of region) {
        const exponentials = Array.from({ length: 6 }, (_, k) => Math.exp(z[k * 64 + pixel]!));
        total += logits ? z[classIndex * 64 + pixel]! : exponentials[classIndex]! / exponentials.reduce((sum, value) => sum + value, 0);
      }
      return Math.fround(total);
    },
  };
  return { target, pixels: region.length };
}

describe('targets on TF.js', () => {
  it('describes a spatial output channels first, and runs it as the channels-first tap', async () => {
    const backend = await TfjsBackend.load({ path: modelPath }, { output: 'conv2' });
    try {
      expect(backend.description.output).toEqual({ name: 'conv2', shape: [6, 8, 8], size: 384 });
      const result = await backend.run({ input: randomImage(1), taps: ['conv2'] });
      expect(result.output.shape).toEqual([1, 384]);
      expect(result.output.data).toEqual(result.activations.get('conv2')!.data);
    } finally {
      await backend.dispose();
    }
  });

  it("differentiates a region's summed logits through the NHWC layout exactly: ∂/∂pool1 from conv2's kernel", async () => {
    const backend = await TfjsBackend.load({ path: modelPath }, { output: 'conv2' });
    try {
      // Region: pixels (2, 3), (5, 0) and (7, 7) of class 4; conv2 = Σ K[ky, kx, k, c]·pool1[y + ky − 1, x + kx − 1, k] + b ('same').
      const [classIndex, region] = [4, [[2, 3], [5, 0], [7, 7]] as const];
      const target = segmentationTarget(classIndex, Int32Array.from(region, ([y, x]) => y * 8 + x), [6, 8, 8], 'identity');
      const { gradient } = await backend.gradients.layerGradient(randomImage(3), 'pool1', target);
      const kernel = await readSavedWeight(modelPath, 'conv2/kernel'); // [3, 3, 4, 6], row-major
      expect(gradient.shape).toEqual([4, 8, 8]);
      for (let k = 0; k < 4; k += 1) {
        for (let y = 0; y < 8; y += 1) {
          for (let x = 0; x < 8; x += 1) {
            let expected = 0;
            for (const [py, px] of region) {
              const [ky, kx] = [y - py + 1, x - px + 1];
              if (ky >= 0 && ky < 3 && kx >= 0 && kx < 3) expected += kernel[((ky * 3 + kx) * 4 + k) * 6 + classIndex]!;
            }
            expect(gradient.data[(k * 8 + y) * 8 + x]).toBeCloseTo(expected, 5);
          }
        }
      }
    } finally {
      await backend.dispose();
    }
  });

  it.each(['pcam±', 'grad-cam'])('explains a predicted region with %s as a brute-force target does, and releases every tensor', async (method) => {
    const backend = await TfjsBackend.load({ path: modelPath }, { output: 'conv2' });
    try {
      const input = randomImage(2);
      const unmasked = (await backend.run({ input })).output.data;
      const counts = [0, 1, 2, 3, 4, 5].map((c) => bruteRegion(unmasked, c).pixels);
      const classIndex = counts.indexOf(Math.max(...counts));
      const request: ExplainRequest = { backend, input, method, layers: ['relu1'], target: { kind: 'segmentation', options: { classIndex } } };
      const before = memory().numTensors;
      const result = await explainer.explain(request);
      expect(memory().numTensors).toBe(before);
      // The brute force has no gradient: Grad-CAM differentiates it by central differences of its score.
      const brute = await explainer.explain({ ...request, target: bruteRegion(unmasked, classIndex, method === 'grad-cam').target });
      expect(result.classIndex).toBe(classIndex);
      if (method !== 'grad-cam') expect(Math.abs(result.score - brute.score)).toBeLessThanOrEqual(1e-6 * counts[classIndex]!);
      expect(result.map.data.some((value) => value > 0)).toBe(true);
      const worst = result.map.data.reduce((max, value, index) => Math.max(max, Math.abs(value - brute.map.data[index]!)), 0);
      expect(worst).toBeLessThan(method === 'grad-cam' ? 1e-3 : 1e-5);
    } finally {
      await backend.dispose();
    }
  }, 120_000);
});
