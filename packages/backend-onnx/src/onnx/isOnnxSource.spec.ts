import { describe, expect, it } from 'vitest';
import { isOnnxSource } from './isOnnxSource.js';

describe('isOnnxSource', () => {
  it('recognises paths and named buffers ending in .onnx, in any case', () => {
    expect(isOnnxSource({ path: 'models/resnet18.onnx' })).toBe(true);
    expect(isOnnxSource({ path: 'MODEL.ONNX' })).toBe(true);
    expect(isOnnxSource({ bytes: new Uint8Array(0), name: 'tiny.onnx' })).toBe(true);
  });

  it('refuses other files and unnamed buffers', () => {
    expect(isOnnxSource({ path: 'model.json' })).toBe(false);
    expect(isOnnxSource({ path: 'model.onnx.bak' })).toBe(false);
    expect(isOnnxSource({ bytes: new Uint8Array(0) })).toBe(false);
  });
});
