import { describe, expect, it } from 'vitest';
import { classTarget } from './classTarget.js';
import { targetGradient } from './targetGradient.js';
import type { TargetFunction } from './TargetFunction.js';

const f32 = (values: readonly number[]): Float32Array => Float32Array.from(values);

describe('classTarget gradients', () => {
  it('differentiates softmax(z)[c] as p_c (δ_ck − p_k) (hand-computed for z = [1, 2, 3])', () => {
    // p = [0.0900306, 0.2447285, 0.6652410]; for c = 2:
    // [−p2 p0, −p2 p1, p2 (1 − p2)] = [−0.0598918, −0.1628034, 0.2226952]
    const gradient = classTarget(2, 'softmax', 3).gradient!(f32([1, 2, 3]));
    expect(gradient[0]).toBeCloseTo(-0.05989165, 6);
    expect(gradient[1]).toBeCloseTo(-0.16280353, 6);
    expect(gradient[2]).toBeCloseTo(0.22269518, 6);
  });

  it("differentiates a single-output model's sigmoid as σ(z)(1 − σ(z))", () => {
    // σ(0) = 0.5, so σ'(0) = 0.25
    expect(Array.from(classTarget(0, 'softmax', 1).gradient!(f32([0])))).toEqual([0.25]);
  });

  it('differentiates sigmoid(z[c]) only along z_c', () => {
    // σ(2) = 0.8807971, σ'(2) = 0.1049936
    const gradient = classTarget(0, 'sigmoid', 2).gradient!(f32([2, -1]));
    expect(gradient[0]).toBeCloseTo(0.10499359, 6);
    expect(gradient[1]).toBe(0);
  });

  it('differentiates identity as a one-hot vector', () => {
    expect(Array.from(classTarget(1, 'identity', 3).gradient!(f32([5, -2, 7])))).toEqual([0, 1, 0]);
  });
});

describe('targetGradient', () => {
  it("uses the target's own gradient when it has one", () => {
    const target = classTarget(1, 'softmax', 3);
    const z = f32([0.5, -1, 2]);
    expect(Array.from(targetGradient(target, z))).toEqual(Array.from(target.gradient!(z)));
  });

  it('falls back to central differences, which match the analytic softmax gradient', () => {
    const analytic = classTarget(0, 'softmax', 4);
    const scoreOnly: TargetFunction = { label: 'custom', score: (output) => analytic.score(output) };
    const z = f32([0.3, 1.2, -0.7, 2.5]);
    const numeric = targetGradient(scoreOnly, z);
    const exact = analytic.gradient!(z);
    for (let k = 0; k < z.length; k += 1) {
      expect(Math.abs(numeric[k]! - exact[k]!)).toBeLessThan(2e-4);
    }
  });

  it('differentiates a custom quadratic score by finite differences (∂(z0² + 3 z1)/∂z = [2 z0, 3])', () => {
    const quadratic: TargetFunction = { label: 'quadratic', score: (z) => z[0]! * z[0]! + 3 * z[1]! };
    const gradient = targetGradient(quadratic, f32([1.5, -4]));
    expect(gradient[0]).toBeCloseTo(3, 3);
    expect(gradient[1]).toBeCloseTo(3, 3);
  });
});
