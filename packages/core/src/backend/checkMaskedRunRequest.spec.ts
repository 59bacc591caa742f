import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { errorKindOf } from '../testing/errorKindOf.js';
import { checkMaskedRunRequest } from './checkMaskedRunRequest.js';
import type { ModelDescription } from './ModelDescription.js';

const description: ModelDescription = {
  input: { name: 'input', shape: [3, 4, 5], layout: 'NCHW', fixedBatchSize: 2 },
  output: { name: 'logits', shape: [2], size: 2 },
  layers: [{ name: 'conv1', shape: [2, 4, 5] }],
};

const tensor = (shape: number[]): { shape: number[]; data: Float32Array } => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });

describe('checkMaskedRunRequest', () => {
  it('returns the masks\' count, height and width', () => {
    expect(checkMaskedRunRequest(description, { image: tensor([1, 3, 4, 5]), masks: tensor([7, 2, 3]) })).toEqual([7, 2, 3]);
  });

  it('refuses a wrong image or wrong masks with invalid-argument, naming both shapes', () => {
    expect(() => checkMaskedRunRequest(description, { image: tensor([2, 3, 4, 5]), masks: tensor([1, 2, 2]) })).toThrow(
      new PolycamError('invalid-argument', 'masked runs take an image [1,3,4,5] and masks [N,h,w], got [2,3,4,5] and [1,2,2]'),
    );
    for (const masks of [[2, 2], [0, 2, 2], [1, 2, 2, 1], [1, 0, 2]]) {
      expect(errorKindOf(() => checkMaskedRunRequest(description, { image: tensor([1, 3, 4, 5]), masks: tensor(masks) })), masks.join()).toBe('invalid-argument');
    }
    expect(errorKindOf(() => checkMaskedRunRequest(description, { image: tensor([1, 3, 4, 5]), masks: { shape: [2, 2, 2], data: new Float32Array(4) } }))).toBe(
      'invalid-argument',
    );
  });

  it('refuses a fired signal with aborted before looking at the shapes', () => {
    expect(errorKindOf(() => checkMaskedRunRequest(description, { image: tensor([1]), masks: tensor([1]) }, AbortSignal.abort()))).toBe('aborted');
  });
});
