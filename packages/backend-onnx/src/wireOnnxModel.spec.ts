import { PolycamError } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import type { OnnxModelSummary, OnnxValueInfo } from './onnx/OnnxModelSummary.js';
import { wireOnnxModel } from './wireOnnxModel.js';
import { errorKindOf } from '@polycam/core/testing';

function summary(inputs: OnnxValueInfo[], outputs: string[] = ['logits']): OnnxModelSummary {
  return {
    opset: 13,
    inputs,
    outputs: outputs.map((name) => ({ name, elementType: 1, dims: ['batch', 10] })),
    nodes: [],
    initializers: new Set(),
  };
}

function image(dims: OnnxValueInfo['dims'], elementType = 1): OnnxValueInfo {
  return { name: 'pixels', elementType, dims };
}

describe('wireOnnxModel', () => {
  it('reads the input, output, [C,H,W], layout and batch axis from the declared shape', () => {
    expect(wireOnnxModel(summary([image(['batch', 3, 64, 48])]), {}, 'm')).toEqual({
      input: 'pixels',
      output: 'logits',
      imageShape: [3, 64, 48],
      layout: 'NCHW',
      fixedBatchSize: undefined,
    });
    expect(wireOnnxModel(summary([image([2, 64, 48, 3])]), {}, 'm')).toEqual({
      input: 'pixels',
      output: 'logits',
      imageShape: [3, 64, 48],
      layout: 'NHWC',
      fixedBatchSize: 2,
    });
  });

  it('lets the layout option override detection', () => {
    // Ambiguous: detected as NCHW, read as NHWC on request.
    expect(wireOnnxModel(summary([image(['batch', 3, 3, 3])]), {}, 'm').layout).toBe('NCHW');
    expect(wireOnnxModel(summary([image(['batch', 3, 7, 1])]), { layout: 'NHWC' }, 'm')).toMatchObject({ layout: 'NHWC', imageShape: [1, 3, 7] });
    expect(wireOnnxModel(summary([image(['batch', 1, 7, 3])]), { layout: 'NHWC' }, 'm')).toMatchObject({ layout: 'NHWC', imageShape: [3, 1, 7] });
    expect(wireOnnxModel(summary([image(['batch', 4, 7, 3])]), { layout: 'NCHW' }, 'm')).toMatchObject({ layout: 'NCHW', imageShape: [4, 7, 3] });
  });

  it('refuses a forced layout whose channel axis holds no 1, 3 or 4 channels, naming the axis and the detected layout', () => {
    const nchw = summary([image([1, 3, 128, 128])]);
    expect(errorKindOf(() => wireOnnxModel(nchw, { layout: 'NHWC' }, 'm'))).toBe('invalid-argument');
    expect(() => wireOnnxModel(nchw, { layout: 'NHWC' }, 'm')).toThrow(/layout NHWC .*\[1,3,128,128\] .*128 channels.*detected: NCHW/);
    expect(errorKindOf(() => wireOnnxModel(summary([image(['batch', 5, 7, 3])]), { layout: 'NCHW' }, 'm'))).toBe('invalid-argument');
    expect(errorKindOf(() => wireOnnxModel(summary([image(['batch', 3, 7, 5])]), { layout: 'NHWC' }, 'm'))).toBe('invalid-argument');
  });

  it('takes a dynamic height and width from inputSize, 224×224 by default', () => {
    expect(wireOnnxModel(summary([image(['batch', 3, 'h', 'w'])]), {}, 'm').imageShape).toEqual([3, 224, 224]);
    expect(wireOnnxModel(summary([image(['batch', 3, 'h', 'w'])]), { inputSize: [64, 96] }, 'm').imageShape).toEqual([3, 64, 96]);
    expect(wireOnnxModel(summary([image(['batch', 'h', 'w', 1])]), { inputSize: [28, 30] }, 'm')).toMatchObject({ layout: 'NHWC', imageShape: [1, 28, 30] });
    // A fixed size wins over inputSize.
    expect(wireOnnxModel(summary([image(['batch', 3, 32, 32])]), { inputSize: [64, 96] }, 'm').imageShape).toEqual([3, 32, 32]);
  });

  it('explains the first output, or the one named in the options', () => {
    expect(wireOnnxModel(summary([image([1, 3, 8, 8])], ['scores', 'features']), {}, 'm').output).toBe('scores');
    expect(wireOnnxModel(summary([image([1, 3, 8, 8])], ['scores', 'features']), { output: 'features' }, 'm').output).toBe('features');
  });

  it('explains an intermediate tensor computed from the input, and names the graph outputs for an unknown one', () => {
    const graph: OnnxModelSummary = {
      ...summary([image([1, 3, 8, 8])], ['scores']),
      nodes: [
        { name: 'conv', op: 'Conv', inputs: ['pixels', 'w'], outputs: ['features'] },
        { name: 'shape', op: 'Shape', inputs: ['w'], outputs: ['weight_shape'] },
        { name: 'fc', op: 'Gemm', inputs: ['features', 'w2'], outputs: ['scores'] },
      ],
    };
    expect(wireOnnxModel(graph, { output: 'features' }, 'm').output).toBe('features');
    expect(errorKindOf(() => wireOnnxModel(graph, { output: 'weight_shape' }, 'm'))).toBe('invalid-model');
    expect(() => wireOnnxModel(graph, { output: 'nope' }, 'm')).toThrow("no graph output, nor a tensor computed from its input, named 'nope' (graph outputs: scores)");
  });

  it('refuses models it cannot drive with invalid-model', () => {
    expect(errorKindOf(() => wireOnnxModel(summary([]), {}, 'm'))).toBe('invalid-model');
    expect(errorKindOf(() => wireOnnxModel(summary([image([1, 3, 8, 8]), { ...image([1, 3, 8, 8]), name: 'other' }]), {}, 'm'))).toBe('invalid-model');
    expect(errorKindOf(() => wireOnnxModel(summary([image(['batch', 12])]), {}, 'm'))).toBe('invalid-model');
    expect(errorKindOf(() => wireOnnxModel(summary([image(['batch', 1, 3, 8, 8])]), {}, 'm'))).toBe('invalid-model');
    expect(errorKindOf(() => wireOnnxModel(summary([image([1, 3, 8, 8], 7)]), {}, 'm'))).toBe('invalid-model'); // int64
    expect(errorKindOf(() => wireOnnxModel(summary([image(['batch', 'c', 8, 8])]), {}, 'm'))).toBe('invalid-model');
    expect(errorKindOf(() => wireOnnxModel(summary([image([1, 3, 8, 8])], []), {}, 'm'))).toBe('invalid-model');
    expect(errorKindOf(() => wireOnnxModel(summary([image([1, 3, 8, 8])]), { output: 'missing' }, 'm'))).toBe('invalid-model');
  });
});
