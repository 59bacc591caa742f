import { describe, expect, it } from 'vitest';
import { ClassTargetPlugin, classTarget, type ModelDescription } from '@polycam/core';
import { errorKindOf, rejectionKindOf } from '@polycam/core/testing';

const plugin = new ClassTargetPlugin();
const output = (shape: number[]): ModelDescription['output'] => ({ name: 'logits', shape, size: shape.reduce((a, b) => a * b, 1) });

describe('ClassTargetPlugin', () => {
  it('parses CLASS, or nothing for the argmax', async () => {
    expect(await plugin.parse('4')).toEqual({ classIndex: 4 });
    expect(await plugin.parse('')).toEqual({});
    expect(await rejectionKindOf(() => plugin.parse('-1'))).toBe('invalid-argument');
    expect(await rejectionKindOf(() => plugin.parse('1.5'))).toBe('invalid-argument');
  });

  it('checks the class against a class vector, unit axes allowed', () => {
    expect(plugin.check(undefined, output([5]))).toEqual({});
    expect(plugin.check({ classIndex: 4 }, output([5, 1, 1]))).toEqual({ classIndex: 4 });
    expect(errorKindOf(() => plugin.check({ classIndex: 5 }, output([5])))).toBe('class-out-of-range');
    expect(errorKindOf(() => plugin.check({ classIndex: '1' }, output([5])))).toBe('class-out-of-range');
    expect(errorKindOf(() => plugin.check({}, output([3, 4, 4])))).toBe('invalid-argument');
    expect(errorKindOf(() => plugin.check(7, output([5])))).toBe('invalid-argument');
  });

  it('binds classTarget, on the argmax when no class is given', () => {
    const unmasked = Float32Array.of(0.1, 3, -2);
    const context = { output: output([3]), unmasked, scoreFunction: 'softmax' as const };
    const argmaxTarget = plugin.bind({}, context);
    expect(argmaxTarget.classIndex).toBe(1);
    expect(argmaxTarget.score(unmasked)).toBe(classTarget(1, 'softmax', 3).score(unmasked));
    const given = plugin.bind({ classIndex: 2 }, { ...context, scoreFunction: 'identity' });
    expect(given.label).toBe('identity[2]');
    expect(given.score(unmasked)).toBe(-2);
  });
});
