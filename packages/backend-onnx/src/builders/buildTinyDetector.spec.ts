import { seededRandom } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { summarizeOnnxModel } from '../onnx/summarizeOnnxModel.js';
import { buildTinyDetector } from './buildTinyDetector.js';

/** The detector's rows for two seeded images; the second is the first with the pixels where `changed(y, x)` redrawn. */
async function rowsOf(bytes: Uint8Array, changed: (y: number, x: number) => boolean): Promise<[Float32Array, Float32Array]> {
  const random = seededRandom(31);
  const first = Float32Array.from({ length: 3 * 32 * 32 }, () => random() * 4 - 2);
  const second = first.map((value, at) => (changed(Math.floor(at / 32) % 32, at % 32) ? random() * 4 - 2 : value));
  const session = await ort.InferenceSession.create(bytes);
  try {
    const images = new Float32Array([...first, ...second]);
    const out = (await session.run({ input: new ort.Tensor('float32', images, [2, 3, 32, 32]) }))['detections']!;
    expect(out.dims).toEqual([2, 5, 7]);
    const data = out.data as Float32Array;
    return [data.slice(0, 35), data.slice(35)];
  } finally {
    await session.release();
  }
}

describe('buildTinyDetector', () => {
  it('has the documented layers and a [batch, B, 4 + K] output', () => {
    const summary = summarizeOnnxModel(buildTinyDetector());
    expect(summary.nodes.map((node) => node.op)).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'Flatten', 'Gemm', 'Reshape', 'Softmax', 'Gemm', 'Reshape', 'Concat']);
    expect(summary.outputs).toEqual([{ name: 'detections', elementType: 1, dims: ['batch', 5, 7] }]);
  });

  it('gives its fixed boxes and, per box, class probabilities that depend only on the pixels near the box', async () => {
    // Box 0 is the top-left quadrant, feature cells 0..7 of 16: a cell sees pixels 2i − 1 .. 2i + 2,
    // so box 0 reads pixels 0..16 and box 3 (bottom-right) pixels 15..31.
    const [before, after] = await rowsOf(buildTinyDetector({ seed: 2 }), (y, x) => y >= 20 && x >= 20);
    const boxes = [[0, 0, 16, 16], [16, 0, 32, 16], [0, 16, 16, 32], [16, 16, 32, 32], [8, 8, 24, 24]];
    for (const rows of [before, after]) {
      boxes.forEach((box, b) => {
        expect([...rows.subarray(b * 7, b * 7 + 4)]).toEqual(box);
        const probabilities = rows.subarray(b * 7 + 4, b * 7 + 7);
        expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
        expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6);
      });
    }
    for (const b of [0, 1, 2]) expect(after.subarray(b * 7 + 4, b * 7 + 7)).toEqual(before.subarray(b * 7 + 4, b * 7 + 7));
    for (const b of [3, 4]) expect(Math.max(...[4, 5, 6].map((k) => Math.abs(after[b * 7 + k]! - before[b * 7 + k]!)))).toBeGreaterThan(1e-4);
  });

  it('takes given boxes, and refuses a box that holds no feature cell', async () => {
    const summary = summarizeOnnxModel(buildTinyDetector({ size: 8, classes: 2, boxes: [[0, 0, 8, 8]], batch: 1 }));
    expect(summary.outputs[0]!.dims).toEqual([1, 1, 6]);
    expect(() => buildTinyDetector({ boxes: [[0, 0, 1, 1]] })).toThrow(/holds no feature cell/);
    expect(() => buildTinyDetector({ size: 9 })).toThrow(/even input size/);
  });
});
