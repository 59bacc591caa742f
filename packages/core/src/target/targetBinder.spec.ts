import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { ClassTargetPlugin } from './ClassTargetPlugin.js';
import { targetBinder } from './targetBinder.js';

// A [2, 1, 2] segmentation output: two classes over two pixels, channels first.
const output = { name: 'logits', shape: [2, 1, 2], size: 4 };

describe('targetBinder', () => {
  it("binds a segmentation request to each image's own prediction, with a hand-worked score", () => {
    const bind = targetBinder({ kind: 'segmentation', options: { classIndex: 1 } }, output);
    // Unmasked logits: pixel 0 (0, 2) predicts class 1, pixel 1 (3, 1) class 0: the region is {0}.
    const target = bind(Float32Array.of(0, 3, 2, 1));
    expect(target.classIndex).toBe(1);
    // On other logits, s = softmax(z[·, 0])[1] over the region only: z[·, 0] = (1, 1) gives 1/2.
    expect(target.score(Float32Array.of(1, 5, 1, -5))).toBeCloseTo(0.5, 7);
    // Another image predicting class 1 at both pixels sums both: (0, 0) and (0, 0) give 1/2 + 1/2.
    expect(bind(Float32Array.of(0, 0, 1, 1)).score(Float32Array.of(0, 0, 0, 0))).toBeCloseTo(1, 7);
  });

  it('checks the request before any binding: kinds among the given plugins, classes in range', () => {
    expect(() => targetBinder({ kind: 'segmentation', options: { classIndex: 2 } }, output)).toThrow(PolycamError);
    const only = [new ClassTargetPlugin()];
    let kind: string | undefined;
    try {
      targetBinder({ kind: 'segmentation', options: { classIndex: 1 } }, output, only);
    } catch (error) {
      kind = (error as PolycamError).kind;
    }
    expect(kind).toBe('unknown-method');
    // The class plugin on the argmax, under the given score function.
    const identity = targetBinder({ kind: 'class' }, { name: 'z', shape: [3], size: 3 }, only, 'identity')(Float32Array.of(0.1, 4, 2));
    expect(identity.classIndex).toBe(1);
    expect(identity.score(Float32Array.of(7, 8, 9))).toBeCloseTo(8, 6);
  });
});
