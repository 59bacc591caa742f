import type { Tensor } from '@polycam/core';
import { normalizeMap } from '@polycam/core/kernels';
import { CicStrategy, GroupBudgetRule, TopVarianceBudgetRule } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';

// One 1×4 layer worked by hand: a strong channel, two weak and similar ones, a dead one, and a
// constant one (an all-zero mask whose weight matters, since its plane is not zero).
const c0 = [8, 0, 0, 0]; // energy 64
const c1 = [0, 1, 1, 0]; // energy 2
const c2 = [0, 1, 0.9, 0]; // energy 1.81
const dead = [0, 0, 0, 0];
const constant = [3, 3, 3, 3];

function layer(planes: number[][]): Tensor {
  return { shape: [planes.length, 1, 4], data: Float32Array.from(planes.flat()) };
}

const cic = new CicStrategy();
const passesFor = (planes: Tensor): number => cic.passesFor(planes);

describe('GroupBudgetRule', () => {
  it('keeps the strong channel alone and merges the two weak similar ones into their energy-weighted mean mask', () => {
    const activation = layer([c0, c1, c2, dead]);
    // Exact: 3 distinct masks + the zero input of the dead channel (CIC scores X ⊙ 0).
    expect(passesFor(activation)).toBe(4);
    const [approximation] = new GroupBudgetRule().plan({ layers: ['l'], activations: [activation], budget: 2, passesFor });
    expect(approximation!.probes.shape).toEqual([2, 1, 4]);
    expect([...approximation!.probes.data.subarray(0, 4)]).toEqual(c0);
    const [m1, m2] = [normalizeMap(Float32Array.from(c1)), normalizeMap(Float32Array.from(c2))];
    const energy1 = 2;
    const energy2 = Math.fround(1) ** 2 + Math.fround(0.9) ** 2;
    const mean = Array.from(m1, (value, pixel) => (energy1 * value + energy2 * m2[pixel]!) / (energy1 + energy2));
    approximation!.probes.data.subarray(4, 8).forEach((value, pixel) => expect(value).toBeCloseTo(mean[pixel]!, 6));
    expect([...approximation!.expand(Float32Array.of(0.7, 0.2))]).toEqual([Math.fround(0.7), Math.fround(0.2), Math.fround(0.2), 0]);
    expect([approximation!.exact, approximation!.grouped, approximation!.unscored]).toEqual([1, 2, 1]);
    expect(passesFor(approximation!.probes)).toBeLessThanOrEqual(2);
  });

  it('pays for one all-zero probe when a constant channel makes it matter, shared by every all-zero mask', () => {
    const activation = layer([c0, c1, constant, dead]);
    const [approximation] = new GroupBudgetRule().plan({ layers: ['l'], activations: [activation], budget: 2, passesFor });
    // The zero probe (1 pass) first, then one probe for c0 and c1 together.
    expect(approximation!.probes.shape).toEqual([2, 1, 4]);
    expect([...approximation!.probes.data.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect([...approximation!.expand(Float32Array.of(0.5, 0.1))]).toEqual([0.5, 0.5, Math.fround(0.1), Math.fround(0.1)]);
  });

  it('weighs every channel 1 in a layer the budget cannot reach, so its CAM is the activation sum', () => {
    const activations = [layer([c1, c2]), layer([c0, c1, c2])];
    const approximations = new GroupBudgetRule().plan({ layers: ['a', 'b'], activations, budget: 1, passesFor });
    expect(approximations[0]!.probes.shape[0]).toBe(0);
    expect([...approximations[0]!.expand(new Float32Array(0))]).toEqual([1, 1]);
    expect(approximations[1]!.probes.shape[0]).toBe(1);
  });
});

describe('TopVarianceBudgetRule', () => {
  it('scores the channels of highest variance alone and weighs the others 0', () => {
    const activation = layer([c1, c0, c2, dead]);
    const [approximation] = new TopVarianceBudgetRule().plan({ layers: ['l'], activations: [activation], budget: 1, passesFor });
    // c0 has the largest variance (12), far above c1 (0.25) and c2 (0.2025).
    expect([...approximation!.probes.data]).toEqual(c0);
    expect([...approximation!.expand(Float32Array.of(0.9))]).toEqual([0, Math.fround(0.9), 0, 0]);
    expect([approximation!.exact, approximation!.grouped, approximation!.unscored]).toEqual([1, 0, 3]);
  });
});
