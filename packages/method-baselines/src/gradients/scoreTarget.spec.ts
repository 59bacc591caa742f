import { classTarget, embeddingTarget, segmentationTarget, type TargetFunction } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { scoreTarget } from './scoreTarget.js';

// A [2, 1, 2] output: class 0's logits 1 and 3, class 1's logits 2 and −1.
const z = Float32Array.of(1, 3, 2, -1);

describe('scoreTarget', () => {
  it("rescores a segmentation target's region as its summed logits for logit", () => {
    const target = segmentationTarget(0, Int32Array.of(0, 1), [2, 1, 2], 'softmax');
    expect(scoreTarget(target, 'logit', 4).score(z)).toBe(1 + 3);
    expect(scoreTarget(target, 'target', 4)).toBe(target);
  });

  it("gives a class target's raw output z_c for logit, custom class targets included", () => {
    expect(scoreTarget(classTarget(2, 'softmax', 4), 'logit', 4).score(z)).toBe(2);
    const custom: TargetFunction = { classIndex: 1, label: 'custom', score: () => 0 };
    expect(scoreTarget(custom, 'logit', 4).score(z)).toBe(3);
  });

  it('keeps a target without a class or a score function as it is', () => {
    const target = embeddingTarget(Float32Array.of(1, 0, 0, 0));
    expect(scoreTarget(target, 'logit', 4)).toBe(target);
  });
});
