import { OnnxBackend } from '@polycam/backend-onnx';
import { buildResNetLikeModel, buildVggLikeModel } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, seededRandom, TOKENS, type Explainer, type ModelBackend, type Tensor } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingBackend } from './countingBackend.testkit.js';

// maxPasses on ONNX models the test builds, through onnxruntime-node and its masked-input
// runner: for budgets from 1 pass to above the exact count, the images sent never exceed the
// budget plus the unmasked pass, and a budget at or above the exact count gives the exact map.

const MODELS = [
  ['a VGG-like model', () => buildVggLikeModel({ size: 32, widths: [8, 16, 24], convsPerStage: 2, seed: 4 })],
  ['a ResNet-like model', () => buildResNetLikeModel({ size: 32, widths: [8, 16, 24], blocksPerStage: 1, seed: 5 })],
] as const;

describe.each(MODELS)('maxPasses on %s', (_name, build) => {
  let explainer: Explainer;
  let onnx: ModelBackend;
  let input: Tensor;

  beforeAll(async () => {
    explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    onnx = await OnnxBackend.load({ bytes: build() });
    const random = seededRandom(9);
    input = { shape: [1, 3, 32, 32], data: Float32Array.from({ length: 3 * 32 * 32 }, () => random() * 4 - 2) };
  });
  afterAll(() => onnx?.dispose());

  it.each(['groups', 'top-variance'])('never exceeds the budget with %s, and is exact from the exact count up', async (rule) => {
    const { backend, runs } = countingBackend(onnx);
    const exact = await explainer.explain({ backend, input, method: 'pcam±' });
    const exactPasses = exact.passes.run - 1;
    expect(exactPasses).toBeGreaterThan(40);
    const budgets = [1, 2, 3, 7, exactPasses >> 4, exactPasses >> 3, exactPasses >> 2, exactPasses >> 1, exactPasses - 1, exactPasses, exactPasses + 5];
    for (const maxPasses of budgets) {
      runs.length = 0;
      const result = await explainer.explain({ backend, input, method: 'pcam±', maxPasses, budgetRule: rule, batchSize: 8 });
      const images = runs.reduce((sum, count) => sum + count, 0);
      expect(images).toBe(result.passes.run);
      expect(images - 1).toBeLessThanOrEqual(maxPasses);
      if (maxPasses >= exactPasses) {
        expect(result.approximation).toBeUndefined();
        expect(result.map.data).toEqual(exact.map.data);
      } else {
        expect(result.approximation?.budget).toBe(maxPasses);
        expect(result.map.data.every(Number.isFinite)).toBe(true);
      }
    }
  }, 120_000);
});
