import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OnnxBackend, OnnxBackendFactory, onnxBackendModule } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, loadModel } from '@polycam/core';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../../../fixtures/reference-smallvgg/model.onnx', import.meta.url));

describe('OnnxBackendFactory', () => {
  it('recognises .onnx paths and named buffers, in any case', () => {
    const factory = new OnnxBackendFactory();
    expect(factory.id).toBe('onnx');
    expect(factory.canLoad({ path: 'models/vgg16.onnx' })).toBe(true);
    expect(factory.canLoad({ path: 'MODEL.ONNX' })).toBe(true);
    expect(factory.canLoad({ bytes: new Uint8Array(1), name: 'tiny.onnx' })).toBe(true);
    expect(factory.canLoad({ path: 'model.json' })).toBe(false);
    expect(factory.canLoad({ path: 'onnx' })).toBe(false);
    expect(factory.canLoad({ bytes: new Uint8Array(1) })).toBe(false);
  });

  it('is bound by onnxBackendModule, so that loadModel opens .onnx files with it', async () => {
    const container = await createPolycamContainer(onnxBackendModule);
    const fromPath = await loadModel(container, { path: fixture }, { threads: 1 });
    const fromBytes = await loadModel(container, { bytes: buildTinyCnn(), name: 'tiny.onnx' });
    try {
      expect(fromPath).toBeInstanceOf(OnnxBackend);
      expect(fromPath.description.input.shape).toEqual([3, 128, 128]);
      expect(fromBytes.description.input.shape).toEqual([3, 32, 32]);
    } finally {
      await Promise.all([fromPath.dispose(), fromBytes.dispose()]);
    }
    expect(readFileSync(fixture).length).toBeGreaterThan(0);
  });
});
