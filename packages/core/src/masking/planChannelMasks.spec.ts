import { seededRandom, type Tensor } from '@polycam/core';
import { normalizeMap } from '@polycam/core/kernels';
import { planChannelMasks } from '@polycam/core/masking';
import { describe, expect, it } from 'vitest';

function stack(planes: readonly Float32Array[], height: number, width: number): Tensor {
  const data = new Float32Array(planes.length * height * width);
  planes.forEach((plane, k) => data.set(plane, k * height * width));
  return { shape: [planes.length, height, width], data };
}

describe('planChannelMasks', () => {
  const random = seededRandom(17);
  const plane = (make: (index: number) => number): Float32Array => Float32Array.from({ length: 12 }, (_, index) => make(index));
  const a = plane(() => random() * 5);
  const b = plane(() => random() - 0.5);
  const planes = [
    a, // 0 general
    plane(() => 0), // 1 zero
    b, // 2 general
    a.slice(), // 3 same as 0
    plane(() => 7), // 4 constant: zero
    b.map((value) => value * 4), // 5 same mask as 2
    plane((index) => (index === 3 ? 1 : 0)), // 6 spike: general
    b.slice(), // 7 same as 2
  ];
  const activation = stack(planes, 3, 4);

  it('normalises each channel at the layer resolution with u', () => {
    const plan = planChannelMasks(activation);
    expect([plan.channels, plan.height, plan.width]).toEqual([8, 3, 4]);
    planes.forEach((values, k) => {
      expect(plan.masks.subarray(k * 12, (k + 1) * 12)).toEqual(normalizeMap(values));
    });
  });

  it('marks all-zero masks and points each channel at the first identical one', () => {
    const plan = planChannelMasks(activation);
    expect(plan.kinds).toEqual(['general', 'zero', 'general', 'general', 'zero', 'general', 'general', 'general']);
    expect(Array.from(plan.representative)).toEqual([0, 1, 2, 0, 4, 2, 6, 2]);
  });

  it('never marks different masks as identical', () => {
    // Many random channels with a few values each: collisions of the fingerprint must be confirmed.
    const rng = seededRandom(5);
    const many = Array.from({ length: 300 }, () => Float32Array.from({ length: 4 }, () => Math.floor(rng() * 4)));
    const plan = planChannelMasks(stack(many, 2, 2));
    const masks = many.map((values) => normalizeMap(values));
    many.forEach((_, k) => {
      const twin = plan.representative[k]!;
      expect(twin).toBeLessThanOrEqual(k);
      expect(masks[twin]).toEqual(masks[k]);
      if (plan.kinds[k] === 'general') {
        // The representative is the first general channel with the same mask.
        const first = masks.findIndex((mask, j) => plan.kinds[j] === 'general' && mask.every((v, i) => v === masks[k]![i]));
        expect(twin).toBe(first);
      }
    });
  });

  it('cannot produce an all-one mask from any map: the minimum always maps to 0', () => {
    // u(M) = clamp((M − lo) / max(hi, 1e−12), 0, 1) with lo = percentile(M, 0.1) ≥ min(M): the
    // minimum element gives a value ≤ 0, hence 0. This is why the shortcut specs build no
    // all-one mask; the 'one' shortcut of scoreChannelMasks is unreachable for real activations.
    const rng = seededRandom(23);
    const maps: Float32Array[] = [
      Float32Array.of(2.5),
      Float32Array.of(-3, -3),
      Float32Array.of(-1, -2, -3, -4),
      Float32Array.from({ length: 2000 }, (_, index) => (index === 0 ? -1 : 1)),
      Float32Array.from({ length: 2000 }, (_, index) => (index < 2 ? -1e-30 : 1e30)),
      Float32Array.from({ length: 49 }, () => -1 - rng()),
      Float32Array.from({ length: 1500 }, () => rng() * 10 - 5),
      Float32Array.of(-Infinity, 1, 1, 1),
      Float32Array.of(1e-40, 2e-40, 3e-40),
    ];
    for (const values of maps) {
      const mask = normalizeMap(values);
      let minimum = 0;
      values.forEach((value, index) => {
        if (value < values[minimum]!) minimum = index;
      });
      expect(mask[minimum]).toBe(0);
      const plan = planChannelMasks({ shape: [1, 1, values.length], data: values });
      expect(plan.kinds[0]).not.toBe('one');
    }
  });
});
