import { detectLayout } from '@polycam/backend-onnx';
import { describe, expect, it } from 'vitest';

describe('detectLayout', () => {
  it('reads channels first when axis 1 holds 1, 3 or 4 channels', () => {
    expect(detectLayout([1, 3, 224, 224])).toBe('NCHW');
    expect(detectLayout(['N', 1, 28, 28])).toBe('NCHW');
    expect(detectLayout([8, 4, 64, 48])).toBe('NCHW');
  });

  it('reads channels last when axis 3 holds 1, 3 or 4 channels', () => {
    expect(detectLayout([1, 224, 224, 3])).toBe('NHWC');
    expect(detectLayout(['N', 28, 28, 1])).toBe('NHWC');
    expect(detectLayout([2, 64, 48, 4])).toBe('NHWC');
  });

  it('uses the axes it can read when the others are symbolic', () => {
    expect(detectLayout(['batch', 3, 'height', 'width'])).toBe('NCHW');
    expect(detectLayout(['batch', 'height', 'width', 3])).toBe('NHWC');
    expect(detectLayout([undefined, undefined, undefined, 1])).toBe('NHWC');
    expect(detectLayout([undefined, 3, undefined, undefined])).toBe('NCHW');
  });

  it('falls back to ONNX\'s convention, NCHW, when the shape cannot tell', () => {
    expect(detectLayout(['N', 3, 3, 3])).toBe('NCHW'); // ambiguous: a 3×3 image of 3 channels
    expect(detectLayout([1, 1, 1, 1])).toBe('NCHW');
    expect(detectLayout(['batch', 'channels', 'height', 'width'])).toBe('NCHW');
    expect(detectLayout([undefined, undefined, undefined, undefined])).toBe('NCHW');
    expect(detectLayout([1, 16, 32, 32])).toBe('NCHW'); // no axis looks like colour channels
  });
});
