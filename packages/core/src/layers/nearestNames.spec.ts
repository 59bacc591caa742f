import { describe, expect, it } from 'vitest';
import { nearestNames } from './nearestNames.js';

describe('nearestNames', () => {
  it('orders candidates by edit distance, ties in the candidates\' order', () => {
    // conv → conv1: 1 (insert), relu: 4, cnv: 1 (delete), pool: 3.
    expect(nearestNames('conv', ['conv1', 'relu', 'cnv', 'pool'])).toEqual(['conv1', 'cnv', 'pool']);
  });

  it('returns at most `count` names', () => {
    expect(nearestNames('relu3', ['relu1', 'relu2', 'relu3', 'relu4'], 2)).toEqual(['relu3', 'relu1']);
    expect(nearestNames('x', ['a'], 3)).toEqual(['a']);
    expect(nearestNames('x', [])).toEqual([]);
  });

  it('counts substitutions, insertions and deletions', () => {
    // kitten → sitting = 3, kitten → mitten = 1, kitten → kit = 3, kitten → kittens = 1.
    expect(nearestNames('kitten', ['sitting', 'kit', 'mitten', 'kittens'], 4)).toEqual(['mitten', 'kittens', 'sitting', 'kit']);
  });
});
