import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../backend/LayerInfo.js';
import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import { resolveLayers } from './resolveLayers.js';

function describeModel(layers: readonly LayerInfo[]): ModelDescription {
  return {
    input: { name: 'input', shape: [3, 32, 32], layout: 'NCHW', fixedBatchSize: undefined },
    output: { name: 'logits', shape: [10], size: 10 },
    layers,
  };
}

const model = describeModel([
  { name: '/conv1/Conv_output_0', node: '/conv1/Conv', op: 'Conv', shape: [8, 32, 32] },
  { name: '/relu1/Relu_output_0', node: '/relu1/Relu', op: 'Relu', shape: [8, 32, 32] },
  { name: '/pool1/MaxPool_output_0', node: '/pool1/MaxPool', op: 'MaxPool', shape: [8, 16, 16] },
  { name: '/conv2/Conv_output_0', node: '/conv2/Conv', op: 'Conv', shape: [16, 16, 16] },
  { name: '/relu2/Relu_output_0', node: '/relu2/Relu', op: 'Relu', shape: [16, 16, 16] },
  { name: '/pool2/MaxPool_output_0', node: '/pool2/MaxPool', op: 'MaxPool', shape: [16, 8, 8] },
  { name: '/flatten/Flatten_output_0', node: '/flatten/Flatten', op: 'Flatten', shape: [1024] },
  { name: 'logits', node: '/fc/Gemm', op: 'Gemm', shape: [10] },
]);

function caught(action: () => unknown): PolycamError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PolycamError);
    return error as PolycamError;
  }
  throw new Error('expected a PolycamError');
}

describe('resolveLayers', () => {
  it('runs discovery for auto', () => {
    expect(resolveLayers(model, 'auto')).toEqual(['/relu1/Relu_output_0', '/relu2/Relu_output_0']);
  });

  it('puts explicit names in forward order and removes duplicates', () => {
    expect(
      resolveLayers(model, ['/pool2/MaxPool_output_0', '/conv1/Conv_output_0', '/pool2/MaxPool_output_0']),
    ).toEqual(['/conv1/Conv_output_0', '/pool2/MaxPool_output_0']);
  });

  it('accepts node names and returns tensor names', () => {
    expect(resolveLayers(model, ['/relu2/Relu', '/relu1/Relu_output_0', '/relu1/Relu'])).toEqual([
      '/relu1/Relu_output_0',
      '/relu2/Relu_output_0',
    ]);
  });

  it('raises unknown-layer naming the nearest spatial layers', () => {
    const error = caught(() => resolveLayers(model, ['/relu1/Relu_output_0', '/relu3/Relu_output_0']));
    expect(error.kind).toBe('unknown-layer');
    expect(error.message).toContain('/relu3/Relu_output_0');
    // Edit distance 1 each: the two ReLU outputs are the nearest.
    expect(error.message).toContain('/relu1/Relu_output_0');
    expect(error.message).toContain('/relu2/Relu_output_0');
    expect(error.message).not.toContain('logits');
  });

  it('raises invalid-argument for a layer that is not spatial', () => {
    const error = caught(() => resolveLayers(model, ['/flatten/Flatten_output_0']));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toContain('/flatten/Flatten_output_0');
    expect(caught(() => resolveLayers(model, ['/fc/Gemm'])).kind).toBe('invalid-argument');
  });

  it('raises invalid-argument for an empty list', () => {
    expect(caught(() => resolveLayers(model, [])).kind).toBe('invalid-argument');
  });

  it('raises no-spatial-layer for a model without a spatial layer, whatever the selection', () => {
    const flat = describeModel([
      { name: 'hidden', shape: [64] },
      { name: 'logits', shape: [10] },
    ]);
    expect(caught(() => resolveLayers(flat, 'auto')).kind).toBe('no-spatial-layer');
    expect(caught(() => resolveLayers(flat, ['hidden'])).kind).toBe('no-spatial-layer');
  });
});
