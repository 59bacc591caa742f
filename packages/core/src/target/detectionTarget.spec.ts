import { describe, expect, it } from 'vitest';
import { DetectionTargetPlugin, detectionTarget } from '@polycam/core';
import { errorKindOf, rejectionKindOf } from '@polycam/core/testing';

const plugin = new DetectionTargetPlugin();
const output = { name: 'boxes', shape: [2, 7], size: 14 };
const box = [0, 0, 10, 10] as const;

/** Rows (x1, y1, x2, y2, score_0, score_1, score_2). */
const rows = (...values: number[][]): Float32Array => Float32Array.from(values.flat());

describe('detectionTarget', () => {
  it('scores IoU + score_c of the best-matching box (hand-computed: [5, 0, 15, 10] overlaps 50 of 150)', () => {
    const target = detectionTarget(2, box, 0.3, 3);
    const z = rows([20, 20, 30, 30, 0.9, 0.05, 0.05], [5, 0, 15, 10, 0.1, 0.2, 0.7]);
    expect(target.score(z)).toBe(Math.fround(50 / 150 + Math.fround(0.7)));
    expect(target.classIndex).toBe(2);
  });

  it('scores 0 when the best IoU does not exceed the threshold or its class is not c', () => {
    const z = rows([5, 0, 15, 10, 0.1, 0.2, 0.7], [0, 0, 3, 10, 0.1, 0.2, 0.7]); // IoUs 1/3 and 0.3
    expect(detectionTarget(2, box, 0.34, 3).score(z)).toBe(0); // IoU 1/3 ≤ 0.34
    expect(detectionTarget(1, box, 0.3, 3).score(z)).toBe(0); // its argmax class is 2
    // The best match decides, even when a worse match has the class.
    expect(detectionTarget(0, box, 0.3, 3).score(rows([1, 1, 10, 10, 0.1, 0.8, 0.1], [0, 0, 6, 10, 0.9, 0.05, 0.05]))).toBe(0);
    expect(Array.from(detectionTarget(1, box, 0.3, 3).gradient!(z))).toEqual(new Array(14).fill(0));
  });

  it('differentiates IoU along the matched box (hand-computed for [2, 0, 12, 10] against [0, 0, 10, 10])', () => {
    // I = 8·10 = 80, U = 100 + 100 − 80 = 120. ∂IoU/∂x1 = (−10·200 − 80·(−10))/120² = −1200/14400;
    // ∂IoU/∂x2 = (0 − 80·10)/14400 (x2 is outside); ∂IoU/∂y1 = (0 − 80·(−10))/14400 (y1 ties: not inner);
    // ∂IoU/∂y2 = (0 − 80·10)/14400.
    const gradient = detectionTarget(0, box, 0.5, 3).gradient!(rows([2, 0, 12, 10, 0.8, 0.1, 0.1], [50, 50, 60, 60, 0, 0, 1]));
    expect(gradient[0]).toBeCloseTo(-1200 / 14400, 7);
    expect(gradient[1]).toBeCloseTo(800 / 14400, 7);
    expect(gradient[2]).toBeCloseTo(-800 / 14400, 7);
    expect(gradient[3]).toBeCloseTo(-800 / 14400, 7);
    expect(Array.from(gradient.subarray(4))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('parses CLASS:x1,y1,x2,y2[:IOU] and checks it against a [B, 4 + K] output', async () => {
    expect(await plugin.parse('2:0,0,10,10')).toEqual({ classIndex: 2, box: [0, 0, 10, 10] });
    expect(await plugin.parse('1:1.5,2,3,4:0.7')).toEqual({ classIndex: 1, box: [1.5, 2, 3, 4], iouThreshold: 0.7 });
    for (const bad of ['2', '2:0,0,10', 'x:0,0,1,1', '1:0,0,1,one', '1:0,0,1,1:0.5:9']) expect(await rejectionKindOf(() => plugin.parse(bad))).toBe('invalid-argument');
    expect(plugin.check({ classIndex: 2, box: [0, 0, 10, 10] }, output)).toEqual({ classIndex: 2, box: [0, 0, 10, 10], iouThreshold: 0.5 });
    expect(errorKindOf(() => plugin.check({ classIndex: 3, box: [0, 0, 10, 10] }, output))).toBe('class-out-of-range');
    expect(errorKindOf(() => plugin.check({ classIndex: 0, box: [10, 0, 0, 10] }, output))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 0, box: [0, 0, 10, 10], iouThreshold: 1 }, output))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 0, box: [0, 0, 10, 10] }, { name: 'v', shape: [14], size: 14 }))).toBe('invalid-argument');
  });
});
