import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { bilinearMatrix } from './bilinearMatrix.js';
import { readProtoFields } from './readProtoFields.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';
import { withMaskedInput } from './withMaskedInput.js';

const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url))));

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function graphFields(model: Uint8Array): ReturnType<typeof readProtoFields> {
  return readProtoFields(readProtoFields(model).find((field) => field.number === 7)!.bytes);
}

describe('withMaskedInput', () => {
  it('gives the fixture four inputs, the image, the masks and their interpolation matrices, and keeps its output', async () => {
    const rewritten = withMaskedInput(fixture, { name: 'input', layout: 'NCHW', shape: [3, 128, 128], opset: 13 });
    const session = await ort.InferenceSession.create(rewritten);
    try {
      expect(session.inputNames).toEqual(['polycam_image', 'polycam_masks', 'polycam_rows', 'polycam_columns']);
      expect(session.inputMetadata).toEqual([
        expect.objectContaining({ name: 'polycam_image', type: 'float32', shape: [1, 3, 128, 128] }),
        expect.objectContaining({ name: 'polycam_masks', type: 'float32', shape: ['masks', 'mask_height', 'mask_width'] }),
        expect.objectContaining({ name: 'polycam_rows', type: 'float32', shape: [128, 'mask_height'] }),
        expect.objectContaining({ name: 'polycam_columns', type: 'float32', shape: ['mask_width', 128] }),
      ]);
      expect(session.outputNames).toEqual(['logits']);
      // Masks of ones leave the image as it is: the output is the original model's.
      const image = Float32Array.from({ length: 3 * 128 * 128 }, (_, index) => Math.sin(index));
      const masked = await session.run({
        polycam_image: new ort.Tensor('float32', image, [1, 3, 128, 128]),
        polycam_masks: new ort.Tensor('float32', new Float32Array(2 * 3 * 3).fill(1), [2, 3, 3]),
        polycam_rows: new ort.Tensor('float32', bilinearMatrix(128, 3, false), [128, 3]),
        polycam_columns: new ort.Tensor('float32', bilinearMatrix(128, 3, true), [3, 128]),
      });
      const original = await ort.InferenceSession.create(fixture);
      const plain = await original.run({ input: new ort.Tensor('float32', image, [1, 3, 128, 128]) });
      await original.release();
      expect(masked['logits']!.dims).toEqual([2, 10]);
      const expected = plain['logits']!.data as Float32Array;
      const actual = masked['logits']!.data as Float32Array;
      for (let index = 0; index < 20; index += 1) expect(actual[index]).toBeCloseTo(expected[index % 10]!, 5);
    } finally {
      await session.release();
    }
  });

  it('keeps every other field of the graph as it was, and feeds the old input from new nodes', () => {
    const rewritten = withMaskedInput(fixture, { name: 'input', layout: 'NCHW', shape: [3, 128, 128], opset: 13 });
    const newFields = graphFields(rewritten);
    const kept = graphFields(fixture).filter((field) => field.number !== 11);
    const raws = newFields.map((field) => Buffer.from(field.raw));
    let cursor = -1;
    for (const field of kept) {
      const position = raws.findIndex((raw, index) => index > cursor && raw.equals(Buffer.from(field.raw)));
      expect(position).toBeGreaterThan(cursor); // present, in the same order
      cursor = position;
    }
    readProtoFields(rewritten).forEach((field, index) => {
      if (field.number !== 7) expect(same(field.raw, readProtoFields(fixture)[index]!.raw)).toBe(true);
    });
    const summary = summarizeOnnxModel(rewritten);
    expect(summary.inputs.map((input) => input.name)).toEqual(['polycam_image', 'polycam_masks', 'polycam_rows', 'polycam_columns']);
    // The original input is now written by a node that runs before the first convolution.
    const writer = summary.nodes.findIndex((node) => node.outputs.includes('input'));
    const firstConv = summary.nodes.findIndex((node) => node.op === 'Conv');
    expect(summary.nodes[writer]!.op).toBe('Mul');
    expect(writer).toBeLessThan(firstConv);
    // The masks are upsampled by two matrix products, not by a Resize.
    expect(summary.nodes.filter((node) => node.op === 'MatMul' && node.name.startsWith('/polycam/')).length).toBe(2);
    expect(summary.nodes.some((node) => node.op === 'Resize')).toBe(false);
  });

  it('takes a channels-last image for an NHWC model', async () => {
    const rewritten = withMaskedInput(buildTinyCnn({ inputLayout: 'NHWC', batch: 2 }), { name: 'input', layout: 'NHWC', shape: [3, 32, 32], opset: 13 });
    const session = await ort.InferenceSession.create(rewritten);
    try {
      expect(session.inputMetadata[0]).toMatchObject({ name: 'polycam_image', shape: [1, 32, 32, 3] });
      const result = await session.run({
        polycam_image: new ort.Tensor('float32', new Float32Array(32 * 32 * 3).fill(1), [1, 32, 32, 3]),
        polycam_masks: new ort.Tensor('float32', new Float32Array(2 * 4 * 4).fill(0.5), [2, 4, 4]),
        polycam_rows: new ort.Tensor('float32', bilinearMatrix(32, 4, false), [32, 4]),
        polycam_columns: new ort.Tensor('float32', bilinearMatrix(32, 4, true), [4, 32]),
      });
      expect(result['logits']!.dims).toEqual([2, 4]);
    } finally {
      await session.release();
    }
  });
});
