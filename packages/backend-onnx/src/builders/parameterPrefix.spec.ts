import { describe, expect, it } from 'vitest';
import { parameterPrefix } from './parameterPrefix.js';

describe('parameterPrefix', () => {
  it('turns PyTorch scopes into dotted module paths', () => {
    expect(parameterPrefix('/features/features.0')).toBe('features.0');
    expect(parameterPrefix('/layer1/layer1.0/conv1')).toBe('layer1.0.conv1');
    expect(parameterPrefix('/layer2/layer2.0/downsample/downsample.0')).toBe('layer2.0.downsample.0');
    expect(parameterPrefix('/fc')).toBe('fc');
    expect(parameterPrefix('/classifier/classifier.0')).toBe('classifier.0');
  });

  it('refuses a scope without a segment', () => {
    expect(() => parameterPrefix('')).toThrow(/cannot name weights/);
    expect(() => parameterPrefix('/')).toThrow(/cannot name weights/);
  });
});
