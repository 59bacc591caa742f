import { describe, expect, it } from 'vitest';
import { errorKindOf } from '../testing/errorKindOf.js';
import { backendCapabilities } from './backendCapabilities.js';
import type { GradientProvider } from './GradientProvider.js';
import type { MaskedInputRunner } from './MaskedInputRunner.js';
import type { WeightRandomizer } from './WeightRandomizer.js';

const gradients = {} as GradientProvider;
const maskedInputs = {} as MaskedInputRunner;
const weightRandomizer = {} as WeightRandomizer;

describe('backendCapabilities', () => {
  it('derives the set from the services present', () => {
    expect([...backendCapabilities({})]).toEqual(['forward']);
    expect([...backendCapabilities({ gradients })]).toEqual(['forward', 'gradients']);
    expect([...backendCapabilities({ maskedInputs, weightRandomizer: undefined })]).toEqual(['forward', 'masked-inputs']);
    expect([...backendCapabilities({ gradients, maskedInputs, weightRandomizer })]).toEqual(['forward', 'gradients', 'masked-inputs', 'weight-randomization']);
  });

  it('adds third-party capabilities, but refuses one that a service stands for', () => {
    expect([...backendCapabilities({ maskedInputs }, ['int8', 'forward'])]).toEqual(['forward', 'masked-inputs', 'int8']);
    expect(errorKindOf(() => backendCapabilities({}, ['gradients']))).toBe('invalid-plugin');
  });
});
