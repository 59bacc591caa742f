import { OnnxBackend } from '@polycam/backend-onnx';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel } from '../builders/encodeOnnxModel.js';
import type { OnnxModelSummary, OnnxNodeInfo } from './OnnxModelSummary.js';
import { reachableOutputs } from './reachableOutputs.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';

function node(op: string, inputs: string[], outputs: string[]): OnnxNodeInfo {
  return { name: `/${outputs[0]}/${op}`, op, inputs, outputs };
}

describe('reachableOutputs', () => {
  it('keeps, in graph order, exactly the tensors that depend on the input', () => {
    const summary: OnnxModelSummary = {
      opset: 13,
      inputs: [{ name: 'image', elementType: 1, dims: ['batch', 3, 8, 8] }],
      outputs: [{ name: 'scores', elementType: 1, dims: ['batch', 2] }],
      initializers: new Set(['w', 'b', 'fc']),
      nodes: [
        node('Shape', ['w'], ['w_shape']), // shape arithmetic on a weight
        node('Gather', ['w_shape', 'index'], ['out_channels']),
        node('Conv', ['image', 'w', 'b'], ['conv']),
        node('Constant', [], ['two']),
        node('Mul', ['two', 'out_channels'], ['double']),
        node('Relu', ['conv'], ['relu']),
        node('Dropout', ['relu'], ['dropped', '']), // an omitted optional output
        node('Reshape', ['dropped', 'double'], ['flat']), // input-dependent and constant inputs
        node('Relu', ['fc'], ['fc_relu']), // a weight pre-processed in the graph
        node('Gemm', ['flat', 'fc_relu'], ['scores']),
      ],
    };
    expect(reachableOutputs(summary, 'image')).toEqual(['conv', 'relu', 'dropped', 'flat', 'scores']);
    expect(reachableOutputs(summary, 'nothing')).toEqual([]);
  });

  it('leaves out layout changes of the input: an NHWC export\'s leading Transpose is the image', () => {
    const summary: OnnxModelSummary = {
      opset: 13,
      inputs: [{ name: 'image', elementType: 1, dims: ['batch', 8, 8, 3] }],
      outputs: [{ name: 'scores', elementType: 1, dims: ['batch', 2] }],
      initializers: new Set(['w']),
      nodes: [
        node('Transpose', ['image'], ['nchw']),
        node('Identity', ['nchw'], ['same']),
        node('Conv', ['same', 'w'], ['conv']),
        node('Transpose', ['conv'], ['nhwc']), // a transpose of a layer is a layer
        node('Flatten', ['nhwc'], ['scores']),
      ],
    };
    expect(reachableOutputs(summary, 'image')).toEqual(['conv', 'nhwc', 'scores']);
  });

  it('keeps the layers of a built model free of its constant branch', async () => {
    const random = (length: number, scale: number): Float32Array => Float32Array.from({ length }, (_, index) => Math.sin(index * 1.7) * scale);
    // The convolution's kernel is Relu(weight): a float tensor of rank 4 that never sees the input.
    const bytes = encodeOnnxModel({
      graphName: 'constant_branch',
      nodes: [
        { name: '/prep/Relu', op: 'Relu', inputs: ['conv.weight'], outputs: ['/prep/Relu_output_0'], attributes: [] },
        { name: '/conv/Conv', op: 'Conv', inputs: ['input', '/prep/Relu_output_0', 'conv.bias'], outputs: ['/conv/Conv_output_0'], attributes: [{ name: 'pads', kind: 'ints', value: [1, 1, 1, 1] }] },
        { name: '/avgpool/GlobalAveragePool', op: 'GlobalAveragePool', inputs: ['/conv/Conv_output_0'], outputs: ['/avgpool/GlobalAveragePool_output_0'], attributes: [] },
        { name: '/Flatten', op: 'Flatten', inputs: ['/avgpool/GlobalAveragePool_output_0'], outputs: ['logits'], attributes: [{ name: 'axis', kind: 'int', value: 1 }] },
      ],
      initializers: new Map([
        ['conv.weight', { dims: [4, 3, 3, 3], data: random(108, 0.3) }],
        ['conv.bias', { dims: [4], data: random(4, 0.1) }],
      ]),
      input: { name: 'input', dims: ['batch', 3, 8, 8] },
      output: { name: 'logits', dims: ['batch', 4] },
    });
    expect(reachableOutputs(summarizeOnnxModel(bytes), 'input')).toEqual(['/conv/Conv_output_0', '/avgpool/GlobalAveragePool_output_0', 'logits']);
    const backend = await OnnxBackend.load({ bytes });
    try {
      expect(backend.description.layers.map((layer) => [layer.name, layer.shape])).toEqual([
        ['/conv/Conv_output_0', [4, 8, 8]],
        ['/avgpool/GlobalAveragePool_output_0', [4, 1, 1]],
        ['logits', [4]],
      ]);
    } finally {
      await backend.dispose();
    }
  });
});
