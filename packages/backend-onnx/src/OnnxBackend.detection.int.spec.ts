import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyDetector } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, TOKENS, type Explainer, type ExplainRequest, type ExplainResult, type TargetFunction, type Tensor } from '@polycam/core';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomImages } from './onnxSpec.testkit.js';
import { expectLikeBruteForce, fullImagesOnly, MAP_TOLERANCE, maxDifference, withBackend } from './targetSpec.testkit.js';

// The detection target end to end on onnxruntime: PCAM± explaining one box of the tiny
// detector's [N, B, 4 + K] rows (five fixed boxes, each with the softmax of the class logits
// pooled over its cells), compared stage by stage with a custom target that scores the box by
// brute force here, from the definition in docs/targets.md. The two give the same maps bit for
// bit (measured); masked-input and full-image runs differ by 1.2e-7 at most on the final map.
const [CLASSES, SIZE, STRIDE] = [3, 32, 7];
/** The centred box of the detector is (8, 8, 24, 24); this one overlaps it with IoU 240 / 271. */
const REFERENCE: [number, number, number, number] = [9, 8, 24, 25];
const CENTRED_ROW = 4;
/** The ReLU at the input's size and the max pooling at half of it: two stages to fuse. */
const LAYERS = ['/backbone/relu/Relu_output_0', '/backbone/pool/MaxPool_output_0'];

/** FasterRCNNBoxScoreTarget for one box, by brute force: every row's IoU by hand, the best kept, its classes ranked by sorting. */
function bruteDetectionTarget(classIndex: number, [X1, Y1, X2, Y2]: readonly number[], threshold: number): TargetFunction {
  return {
    label: 'brute-force detection',
    score: (rows) => {
      let [bestRow, bestIou] = [-1, -1];
      for (let row = 0; row * STRIDE < rows.length; row += 1) {
        const [x1, y1, x2, y2] = rows.subarray(row * STRIDE, row * STRIDE + 4);
        const overlapX = Math.max(0, Math.min(x2!, X2!) - Math.max(x1!, X1!));
        const overlapY = Math.max(0, Math.min(y2!, Y2!) - Math.max(y1!, Y1!));
        const intersection = overlapX * overlapY;
        const iou = intersection / ((x2! - x1!) * (y2! - y1!) + (X2! - X1!) * (Y2! - Y1!) - intersection);
        if (iou > bestIou) [bestRow, bestIou] = [row, iou];
      }
      const scores = Array.from(rows.subarray(bestRow * STRIDE + 4, bestRow * STRIDE + STRIDE));
      const ranked = scores.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
      return bestIou > threshold && ranked[0] === classIndex ? Math.fround(bestIou + scores[classIndex]!) : 0;
    },
  };
}

/** Checks that two explanations agree on every stage's channel weights, CAM and map (measured: at most 1.9e-6, on a CAM of the masked-input run against the full-image one). */
function expectSameStages(actual: ExplainResult, expected: ExplainResult): void {
  expect(actual.layers).toEqual(expected.layers);
  expect(actual.stages.length).toBeGreaterThanOrEqual(2);
  actual.stages.forEach((stage, index) => {
    expect(maxDifference(stage.cam.data, expected.stages[index]!.cam.data)).toBeLessThan(MAP_TOLERANCE);
    expect(maxDifference(stage.map.data, expected.stages[index]!.map.data)).toBeLessThan(MAP_TOLERANCE);
    expect(maxDifference(stage.weights, expected.stages[index]!.weights)).toBeLessThan(MAP_TOLERANCE);
  });
}

describe('the detection target on onnxruntime, on a tiny [N, 5, 4 + 3] detector', () => {
  let explainer: Explainer;
  let input: Tensor;
  let classIndex: number;

  beforeAll(async () => {
    explainer = (await createPolycamContainer(polycamModule, baselinesModule)).get(TOKENS.Explainer);
    input = randomImages(1, [3, SIZE, SIZE], 41);
    await withBackend(OnnxBackend.load({ bytes: buildTinyDetector({ seed: 5 }) }), async (backend) => {
      expect(backend.description.output).toEqual({ name: 'detections', shape: [5, 4 + CLASSES], size: 5 * (4 + CLASSES) });
      const rows = (await backend.run({ input })).output.data;
      const scores = Array.from(rows.subarray(CENTRED_ROW * STRIDE + 4, CENTRED_ROW * STRIDE + STRIDE));
      classIndex = scores.indexOf(Math.max(...scores));
    });
  });

  it.each(['batch', 1] as const)('explains the matched box as the brute force does, stage by stage, masked inputs and full images alike (batch axis %s)', async (batch) => {
    await withBackend(OnnxBackend.load({ bytes: buildTinyDetector({ seed: 5, batch }) }), async (backend) => {
      const request: ExplainRequest = { backend, input, method: 'pcam±', layers: LAYERS, target: { kind: 'detection', options: { classIndex, box: REFERENCE } } };
      const brute = bruteDetectionTarget(classIndex, REFERENCE, 0.5);
      const result = await expectLikeBruteForce(explainer, request, brute, 1e-6);
      expectSameStages(result, await explainer.explain({ ...request, target: brute }));
      expect(result.classIndex).toBe(classIndex);
      expect(result.score).toBeGreaterThan(240 / 271 + 1 / CLASSES - 1e-6);
      expect(result.target).toBe(`detection[${classIndex}] at (${REFERENCE.join(', ')}), IoU > 0.5`);
      const full = await explainer.explain({ ...request, backend: fullImagesOnly(backend) });
      expect(maxDifference(full.map.data, result.map.data)).toBeLessThan(1e-6);
      expectSameStages(full, result);
    });
  }, 120_000);

  it.each([
    ['another class than the box predicts', (): number => (classIndex + 1) % CLASSES, REFERENCE, 0.5],
    ['a box overlapping every row by less than the threshold', (): number => classIndex, [0, 0, 4, 4], 0.5],
    ['a threshold above the best IoU', (): number => classIndex, REFERENCE, 0.9],
  ] as const)('scores 0 for %s', async (_, otherClass, box, iouThreshold) => {
    await withBackend(OnnxBackend.load({ bytes: buildTinyDetector({ seed: 5 }) }), async (backend) => {
      const options = { classIndex: otherClass(), box, iouThreshold };
      const request: ExplainRequest = { backend, input, method: 'pcam±', layers: LAYERS, target: { kind: 'detection', options } };
      const result = await explainer.explain(request);
      const brute = await explainer.explain({ ...request, target: bruteDetectionTarget(otherClass(), box, iouThreshold) });
      for (const each of [result, brute]) {
        expect(each.score).toBe(0);
        // No error: the masked scores are 0 too (the boxes are fixed, so no IoU changes, and on
        // this image no mask makes the other class the box's argmax): every channel weighs 0 and
        // the map is all zero.
        expect(each.stages.every((stage) => stage.weights.every((weight) => weight === 0))).toBe(true);
        expect(each.map.data.every((value) => value === 0)).toBe(true);
      }
      expect(result.target).toBe(`detection[${otherClass()}] at (${box.join(', ')}), IoU > ${iouThreshold}`);
    });
  }, 120_000);
});
