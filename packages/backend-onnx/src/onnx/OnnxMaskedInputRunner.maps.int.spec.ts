import { OnnxBackend } from '@polycam/backend-onnx';
import { buildResNetLikeModel, buildVggLikeModel } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, PolycamError, TOKENS, type Explainer, type MaskedInputRunner, type ModelBackend } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomImages } from '../onnxSpec.testkit.js';

// The masked-input graph builds X ⊙ resize(M) inside onnxruntime with two MatMuls; the same
// backend without that capability gets the masked images built in JavaScript (core's
// resizeBilinear, PyTorch's bilinear resize, rounded once from float64) and runs them as plain
// batches, layer by layer. Both are the same passes of the same model, so the maps agree to
// float rounding: masked pixels that differ by an ulp move the scores by about 1e-7, and the
// maps by about 1e-6 (2.0e-6 at worst here; onnxruntime's Resize, which the graph used before,
// differed from JavaScript by 1.5e-6 on the same case). A mask that did not reach the model, or
// a wrong interpolation weight, moves them by far more than the 1e-5 allowed.
const MAP_TOLERANCE = 1e-5;

const SIZE = 64;

/** The same loaded model with only the forward capability: full masked images through run(). */
function withoutMaskedInputs(backend: ModelBackend): ModelBackend {
  return {
    id: `${backend.id} (full images)`,
    capabilities: new Set(['forward']),
    description: backend.description,
    run: (request, signal) => backend.run(request, signal),
    dispose: async () => undefined,
  };
}

/** The same loaded model whose masked runs are counted, and which calls `onRun` after each. */
function countingMaskedRuns(backend: ModelBackend, onRun: (runs: number) => void): { backend: ModelBackend; runs: () => number } {
  let runs = 0;
  const runner = backend.maskedInputs!;
  const maskedInputs: MaskedInputRunner = {
    runMasked: async (request, signal) => {
      const result = await runner.runMasked(request, signal);
      runs += 1;
      onRun(runs);
      return result;
    },
  };
  return {
    backend: { id: backend.id, capabilities: backend.capabilities, description: backend.description, maskedInputs, run: (request, signal) => backend.run(request, signal), dispose: async () => undefined },
    runs: () => runs,
  };
}

function maxAbsoluteDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let index = 0; index < a.length; index += 1) worst = Math.max(worst, Math.abs(a[index]! - b[index]!));
  return worst;
}

const MODELS = [
  { name: 'a VGG-like model', bytes: () => buildVggLikeModel({ size: SIZE, seed: 11 }) },
  { name: 'a ResNet-like model', bytes: () => buildResNetLikeModel({ size: SIZE, seed: 12 }) },
];

describe('masked passes built inside onnxruntime', () => {
  let explainer: Explainer;
  beforeAll(async () => {
    explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
  });

  for (const model of MODELS) {
    describe(`on ${model.name}`, () => {
      let backend: OnnxBackend;
      beforeAll(async () => {
        backend = await OnnxBackend.load({ bytes: model.bytes() });
      });
      afterAll(async () => {
        await backend.dispose();
      });

      it('give the maps and pass counts of full images built in JavaScript, to float rounding, for PCAM±, PCAM+ and PCAM−', async () => {
        expect(backend.maskedInputs).toBeDefined();
        const input = randomImages(1, [3, SIZE, SIZE], 13);
        for (const method of ['pcam±', 'pcam+', 'pcam-']) {
          const inRuntime = await explainer.explain({ backend, input, method, batchSize: 16 });
          const inJavaScript = await explainer.explain({ backend: withoutMaskedInputs(backend), input, method, batchSize: 16 });
          expect(inRuntime.passes, method).toEqual(inJavaScript.passes);
          // Every stage, not only the final map; the masks reached the model (a non-trivial map).
          inRuntime.stages.forEach((stage, index) => {
            expect(maxAbsoluteDifference(stage.map.data, inJavaScript.stages[index]!.map.data), `${method} ${stage.layer}`).toBeLessThanOrEqual(MAP_TOLERANCE);
          });
          expect(Math.max(...inRuntime.map.data)).toBeGreaterThan(0.5);
        }
      });

      it('stop within one batch when the explanation is cancelled', async () => {
        const input = randomImages(1, [3, SIZE, SIZE], 14);
        const controller = new AbortController();
        const counted = countingMaskedRuns(backend, (runs) => {
          if (runs === 2) controller.abort();
        });
        const error = await explainer.explain({ backend: counted.backend, input, method: 'pcam±', batchSize: 8, signal: controller.signal }).catch((caught: unknown) => caught);
        expect(PolycamError.is(error, 'aborted')).toBe(true);
        // Aborted after the second masked batch: no third one ran.
        expect(counted.runs()).toBe(2);
      });
    });
  }
});
