import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { errorKindOf } from '../testing/errorKindOf.js';
import { checkRunRequest } from './checkRunRequest.js';
import type { ModelDescription } from './ModelDescription.js';

const description: ModelDescription = {
  input: { name: 'input', shape: [3, 4, 5], layout: 'NCHW', fixedBatchSize: undefined },
  output: { name: 'logits', shape: [2], size: 2 },
  layers: [
    { name: 'conv1', shape: [2, 4, 5] },
    { name: 'relu1', shape: [2, 4, 5] },
    { name: 'conv2', shape: [2, 2, 2] },
    { name: 'logits', shape: [2] },
  ],
};

const images = (shape: number[]): { shape: number[]; data: Float32Array } => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });

describe('checkRunRequest', () => {
  it('returns the taps once each, in the order first requested', () => {
    expect(checkRunRequest(description, { input: images([2, 3, 4, 5]), taps: ['relu1', 'conv1', 'relu1'] })).toEqual(['relu1', 'conv1']);
    expect(checkRunRequest(description, { input: images([1, 3, 4, 5]) })).toEqual([]);
  });

  it('refuses an unknown tap with unknown-layer, naming the nearest layers', () => {
    expect(() => checkRunRequest(description, { input: images([1, 3, 4, 5]), taps: ['conv1', 'convv2'] })).toThrow(
      new PolycamError('unknown-layer', "layer 'convv2' does not exist; nearest: conv2, conv1, logits"),
    );
    const noLayers = { ...description, layers: [] };
    expect(() => checkRunRequest(noLayers, { input: images([1, 3, 4, 5]), taps: ['x'] })).toThrow("layer 'x' does not exist: the model has no layers to tap");
  });

  it('refuses an input that is not [N,C,H,W] with N ≥ 1, or whose data has another length, with invalid-argument', () => {
    expect(() => checkRunRequest(description, { input: images([1, 3, 5, 4]) })).toThrow(
      new PolycamError('invalid-argument', 'the model takes [N,3,4,5] inputs, got [1,3,5,4]'),
    );
    for (const shape of [[0, 3, 4, 5], [3, 4, 5], [1, 4, 5, 3], [1, 1, 3, 4, 5]]) {
      expect(errorKindOf(() => checkRunRequest(description, { input: images(shape) })), shape.join()).toBe('invalid-argument');
    }
    expect(() => checkRunRequest(description, { input: { shape: [2, 3, 4, 5], data: new Float32Array(60) } })).toThrow(
      new PolycamError('invalid-argument', 'an input of shape [2,3,4,5] holds 120 values, got 60'),
    );
  });

  it('checks the signal first, then the taps, then the shape', () => {
    const wrong = { input: images([1, 1, 1, 1]), taps: ['nope'] };
    expect(errorKindOf(() => checkRunRequest(description, wrong, AbortSignal.abort()))).toBe('aborted');
    expect(errorKindOf(() => checkRunRequest(description, wrong))).toBe('unknown-layer');
    expect(errorKindOf(() => checkRunRequest(description, { input: images([1, 3, 4, 5]) }, new AbortController().signal))).toBeUndefined();
  });
});
