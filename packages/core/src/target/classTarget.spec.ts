import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import type { ScoreFunction } from './ScoreFunction.js';
import { classTarget } from './classTarget.js';
import { errorKindOf } from '@polycam/core/testing';

const f32 = (values: readonly number[]): Float32Array => Float32Array.from(values);

describe('classTarget', () => {
  it('scores softmax(z)[c] (hand-computed for z = [1, 2, 3])', () => {
    // e^z / Σe^z = [0.0900306, 0.2447285, 0.6652410]
    const z = f32([1, 2, 3]);
    expect(classTarget(0, 'softmax', 3).score(z)).toBeCloseTo(0.09003057317038046, 7);
    expect(classTarget(1, 'softmax', 3).score(z)).toBeCloseTo(0.24472847105479767, 7);
    expect(classTarget(2, 'softmax', 3).score(z)).toBeCloseTo(0.6652409557748219, 7);
  });

  it('rounds scores to float32', () => {
    const score = classTarget(2, 'softmax', 3).score(f32([1, 2, 3]));
    expect(score).toBe(Math.fround(score));
    const sigmoidScore = classTarget(0, 'sigmoid', 1).score(f32([0.3]));
    expect(sigmoidScore).toBe(Math.fround(sigmoidScore));
  });

  it('keeps softmax stable for large logits', () => {
    expect(classTarget(0, 'softmax', 2).score(f32([1000, 0]))).toBe(1);
    expect(classTarget(1, 'softmax', 2).score(f32([1000, 0]))).toBe(0);
    expect(classTarget(0, 'softmax', 2).score(f32([-1000, -1000]))).toBe(0.5);
  });

  it('uses a sigmoid for a single-output model under softmax (K = 1)', () => {
    // 1 / (1 + e^−0.5) = 0.6224593; a one-element softmax would always be 1.
    expect(classTarget(0, 'softmax', 1).score(f32([0.5]))).toBeCloseTo(0.6224593312018546, 7);
    expect(classTarget(0, 'softmax', 1).score(f32([0]))).toBe(0.5);
  });

  it('scores sigmoid(z[c]) for sigmoid', () => {
    // sigmoid(−1) = 0.2689414, sigmoid(2) = 0.8807971
    expect(classTarget(1, 'sigmoid', 2).score(f32([2, -1]))).toBeCloseTo(0.2689414213699951, 7);
    expect(classTarget(0, 'sigmoid', 2).score(f32([2, -1]))).toBeCloseTo(0.8807970779778823, 7);
  });

  it('returns z[c] for identity', () => {
    expect(classTarget(1, 'identity', 2).score(f32([1.5, -2]))).toBe(-2);
    expect(classTarget(0, 'identity', 2).score(f32([1.5, -2]))).toBe(1.5);
  });

  it('labels the target and carries the class index', () => {
    const target = classTarget(4, 'sigmoid', 10);
    expect(target.classIndex).toBe(4);
    expect(target.label).toBe('sigmoid[4]');
    expect(classTarget(0, 'softmax', 3).label).toBe('softmax[0]');
  });

  it('raises class-out-of-range for an index outside [0, K) or not an integer', () => {
    expect(errorKindOf(() => classTarget(3, 'softmax', 3))).toBe('class-out-of-range');
    expect(errorKindOf(() => classTarget(-1, 'softmax', 3))).toBe('class-out-of-range');
    expect(errorKindOf(() => classTarget(1.5, 'identity', 3))).toBe('class-out-of-range');
    expect(errorKindOf(() => classTarget(Number.NaN, 'sigmoid', 3))).toBe('class-out-of-range');
    expect(errorKindOf(() => classTarget(1, 'softmax', 1))).toBe('class-out-of-range');
    expect(errorKindOf(() => classTarget(2, 'softmax', 3))).toBeUndefined();
  });

  it('raises invalid-argument for an unknown score function', () => {
    expect(errorKindOf(() => classTarget(0, 'tanh' as ScoreFunction, 3))).toBe('invalid-argument');
  });
});
