import { describe, expect, it } from 'vitest';
import { SegmentationTargetPlugin, type Map2D, type ModelDescription, type TargetArgumentLoader } from '@polycam/core';
import { errorKindOf, rejectionKindOf } from '@polycam/core/testing';

const plugin = new SegmentationTargetPlugin();
const output = (shape: number[]): ModelDescription['output'] => ({ name: 'out', shape, size: shape.reduce((a, b) => a * b, 1) });
const map = (height: number, width: number, values: number[]): Map2D => ({ height, width, data: Float32Array.from(values) });

const mask = map(2, 2, [0, 1, 0, 0]);
const loader: TargetArgumentLoader = {
  readMask: async (path) => {
    if (path !== 'm.png') throw new Error(`unexpected ${path}`);
    return mask;
  },
  readVector: async () => new Float32Array(0),
  outputOf: async () => new Float32Array(0),
};

describe('SegmentationTargetPlugin', () => {
  it('parses CLASS and CLASS:MASK.png', async () => {
    expect(await plugin.parse('3', loader)).toEqual({ classIndex: 3 });
    expect(await plugin.parse('1:m.png', loader)).toEqual({ classIndex: 1, region: mask });
    expect(await rejectionKindOf(() => plugin.parse('cat', loader))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => plugin.parse('', loader))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => plugin.parse('2:', loader))).toBe('invalid-argument');
  });

  it('checks the output shape, the class and the region before any pass', () => {
    expect(errorKindOf(() => plugin.check({ classIndex: 0 }, output([10])))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 0 }, output([1, 3, 4, 4])))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 3 }, output([3, 4, 4])))).toBe('class-out-of-range');
    expect(errorKindOf(() => plugin.check({ classIndex: -1 }, output([3, 4, 4])))).toBe('class-out-of-range');
    expect(errorKindOf(() => plugin.check({}, output([3, 4, 4])))).toBe('class-out-of-range');
    expect(errorKindOf(() => plugin.check(undefined, output([3, 4, 4])))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 0, region: { height: 2, width: 2, data: new Float32Array(3) } }, output([3, 4, 4])))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 0, region: map(1, 2, [0, 0]) }, output([3, 4, 4])))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check({ classIndex: 0 }, output([1, 4, 4])))).toBeUndefined();
    expect(errorKindOf(() => plugin.check({ classIndex: 1 }, output([1, 4, 4])))).toBe('class-out-of-range');
  });

  it('resizes a region of another size nearest-neighbour, as 0/1', () => {
    // 2×2 → 4×4: output (y, x) reads the mask at (⌊(y + ½)/2⌋, ⌊(x + ½)/2⌋).
    const checked = plugin.check({ classIndex: 2, region: map(2, 2, [0, 5, Number.NaN, -1]) }, output([3, 4, 4]));
    expect(checked.classIndex).toBe(2);
    expect(Array.from(checked.region!.data)).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1]);
    // 4×4 → 2×2 picks source pixels (1, 1), (1, 3), (3, 1), (3, 3).
    const down = plugin.check({ classIndex: 0, region: map(4, 4, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) }, output([3, 2, 2]));
    expect(Array.from(down.region!.data)).toEqual([1, 0, 0, 1]);
  });

  it('binds the pixels predicted as the class by default (channel argmax, first on ties)', () => {
    // [2, 1, 3]: pixel 0 → class 1, pixel 1 → tie → class 0, pixel 2 → class 1.
    const unmasked = Float32Array.of(0, 1, 0, 2, 1, 3);
    const context = { output: output([2, 1, 3]), unmasked, scoreFunction: 'identity' as const };
    const target = plugin.bind(plugin.check({ classIndex: 1 }, context.output), context);
    expect(target.score(unmasked)).toBe(2 + 3);
    expect(plugin.bind(plugin.check({ classIndex: 0 }, context.output), context).score(unmasked)).toBe(1);
    expect(target.classIndex).toBe(1);
  });

  it('binds a single-channel head to the pixels with z > 0', () => {
    const unmasked = Float32Array.of(-1, 2, 0, 0.5);
    const context = { output: output([1, 2, 2]), unmasked, scoreFunction: 'identity' as const };
    expect(plugin.bind({ classIndex: 0 }, context).score(unmasked)).toBe(2.5);
  });

  it('binds a given region, whatever the prediction', () => {
    const unmasked = Float32Array.of(0, 1, 0, 2, 1, 3);
    const context = { output: output([2, 1, 3]), unmasked, scoreFunction: 'identity' as const };
    const options = plugin.check({ classIndex: 0, region: map(1, 3, [0, 1, 1]) }, context.output);
    expect(plugin.bind(options, context).score(unmasked)).toBe(1 + 0); // z[0] at pixels 1 and 2
  });

  it('refuses a class predicted nowhere, with a clear message', () => {
    const unmasked = Float32Array.of(5, 5, 5, 0, 0, 0);
    const context = { output: output([2, 1, 3]), unmasked, scoreFunction: 'softmax' as const };
    expect(errorKindOf(() => plugin.bind({ classIndex: 1 }, context))).toBe('invalid-argument');
    expect(() => plugin.bind({ classIndex: 1 }, context)).toThrow(/no pixel of output 'out' is predicted as class 1/);
  });
});
