import { describe, expect, it } from 'vitest';
import { EmbeddingTargetPlugin, embeddingTarget } from '@polycam/core';
import { errorKindOf, rejectionKindOf } from '@polycam/core/testing';

const plugin = new EmbeddingTargetPlugin();
const output = { name: 'gap', shape: [3], size: 3 };

describe('embeddingTarget', () => {
  it('scores the cosine similarity (hand-computed: [1, 2, 2]·[2, 0, 1] = 4, norms 3 and √5)', () => {
    const score = embeddingTarget(Float32Array.of(2, 0, 1)).score(Float32Array.of(1, 2, 2));
    expect(score).toBe(Math.fround(4 / (3 * Math.sqrt(5))));
  });

  it('is 1 for a parallel vector, −1 for an opposite one, 0 for an orthogonal or zero one', () => {
    const target = embeddingTarget(Float32Array.of(1, -2, 3));
    expect(target.score(Float32Array.of(2, -4, 6))).toBe(1);
    expect(target.score(Float32Array.of(-1, 2, -3))).toBe(-1);
    expect(target.score(Float32Array.of(2, 1, 0))).toBe(0);
    expect(target.score(Float32Array.of(0, 0, 0))).toBe(0);
    expect(Array.from(target.gradient!(Float32Array.of(0, 0, 0)))).toEqual([0, 0, 0]);
  });

  it('differentiates as r/(‖o‖‖r‖) − s·o/‖o‖² (hand-computed at o = [3, 4, 0], r = [1, 0, 0])', () => {
    // ‖o‖ = 5, s = 3/5: [1/5 − 0.6·3/25, 0 − 0.6·4/25, 0] = [0.128, −0.096, 0]
    const gradient = embeddingTarget(Float32Array.of(1, 0, 0)).gradient!(Float32Array.of(3, 4, 0));
    expect(gradient[0]).toBeCloseTo(0.128, 7);
    expect(gradient[1]).toBeCloseTo(-0.096, 7);
    expect(gradient[2]).toBe(0);
  });

  it('refuses a zero, mismatched or non-finite reference and an all-zero unmasked output', async () => {
    expect(errorKindOf(() => plugin.check({ reference: new Float32Array(3) }, output))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ reference: Float32Array.of(1, 2) }, output))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ reference: Float32Array.of(1, Number.NaN, 2) }, output))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ reference: [1, 2, 3] }, output))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check(undefined, output))).toBe('invalid-argument');
    expect(() => plugin.check({ reference: Float32Array.of(1, 2) }, output)).toThrow(/2 values, but output 'gap' \(\[3\]\) has 3/);
    const context = { output, unmasked: new Float32Array(3), scoreFunction: 'softmax' as const };
    expect(errorKindOf(() => plugin.bind({ reference: Float32Array.of(1, 2, 3) }, context))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => plugin.parse('', { readMask: async () => ({ height: 0, width: 0, data: new Float32Array(0) }), readVector: async () => new Float32Array(0), outputOf: async () => new Float32Array(0) }))).toBe('invalid-argument');
  });
});
