import { describe, expect, it } from 'vitest';
import { checkFiniteOutput } from './checkFiniteOutput.js';

describe('checkFiniteOutput', () => {
  it('names a bad entry of a class vector by its class', () => {
    expect(() => checkFiniteOutput(Float32Array.of(0, Number.NaN), 0, 'the unmasked pass')).toThrow('the model output NaN for class 1 on the unmasked pass');
    expect(() => checkFiniteOutput(Float32Array.of(0, 1, Infinity), 0, 'pass 2', [3, 1, 1])).toThrow('the model output Infinity for class 2 on pass 2');
  });

  it('names a bad entry of a map by its index, not as a class', () => {
    // Entry 1·(3·4) + 2·4 + 3 = 23 of a [2, 3, 4] output.
    const row = new Float32Array(24);
    row[23] = Number.NaN;
    expect(() => checkFiniteOutput(row, 0, 'masked pass 5 of 9', [2, 3, 4])).toThrow('the model output NaN at [1, 2, 3] of its [2, 3, 4] output on masked pass 5 of 9');
  });

  it('refuses a non-finite score of finite outputs', () => {
    expect(() => checkFiniteOutput(Float32Array.of(1, 2), Number.NaN, 'x')).toThrow("the model's outputs gave the score NaN on x");
    expect(() => checkFiniteOutput(Float32Array.of(1, 2), 0.5, 'x')).not.toThrow();
  });
});
