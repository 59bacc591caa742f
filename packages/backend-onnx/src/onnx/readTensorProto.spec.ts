import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OnnxBackend } from '@polycam/backend-onnx';
import { describe, expect, it } from 'vitest';
import { encodeTensor } from './encodeTensor.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';

const fixturePath = fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url));
const { tensor: TENSOR } = onnxFields;

/** Float32 values as little-endian bytes. */
function littleEndian(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  values.forEach((value, index) => new DataView(bytes.buffer).setFloat32(index * 4, value, true));
  return bytes;
}

function initializersOf(model: Uint8Array): Uint8Array[] {
  const graph = readProtoFields(model).find((field) => field.number === 7)!;
  return readProtoFields(graph.bytes)
    .filter((field) => field.number === 5)
    .map((field) => field.bytes);
}

describe('readTensorProto', () => {
  it('reads the name, dims and values of a float tensor written by encodeTensor', () => {
    const values = Float32Array.from([1.5, -2.25, 3e-8, 0, -0, 1e30]);
    const tensor = readTensorProto(encodeTensor('conv.weight', [2, 3], values));
    expect(tensor).toEqual({ name: 'conv.weight', dims: [2, 3], dataType: 1, values });
  });

  it('reads a scalar (no dims) as one value', () => {
    expect(readTensorProto(encodeTensor('scale', [], Float32Array.of(0.5)))).toEqual({ name: 'scale', dims: [], dataType: 1, values: Float32Array.of(0.5) });
  });

  it('reads an empty float tensor', () => {
    expect(readTensorProto(encodeTensor('empty', [0], new Float32Array(0))).values).toEqual(new Float32Array(0));
  });

  it('reports an int64 tensor as not float, without values', () => {
    expect(readTensorProto(encodeTensor('shape', [2], BigInt64Array.of(1n, -1n)))).toEqual({ name: 'shape', dims: [2], dataType: 7, values: undefined });
  });

  it('reports a float tensor kept in an external file without values', () => {
    const tensor = new ProtoMessageWriter().int(TENSOR.dims, 2).int(TENSOR.dataType, 1).string(TENSOR.name, 'far').int(14, 1).finish();
    expect(readTensorProto(tensor)).toEqual({ name: 'far', dims: [2], dataType: 1, values: undefined });
  });

  it('reads packed float_data, and packed dims', () => {
    const tensor = new ProtoMessageWriter()
      .bytes(TENSOR.dims, Uint8Array.of(2, 0xac, 0x02)) // packed varints 2 and 300
      .int(TENSOR.dataType, 1)
      .string(TENSOR.name, 'packed')
      .bytes(4, littleEndian(Array.from({ length: 600 }, (_, index) => index / 8)))
      .finish();
    const read = readTensorProto(tensor);
    expect(read.dims).toEqual([2, 300]);
    expect(read.values).toEqual(Float32Array.from({ length: 600 }, (_, index) => index / 8));
  });

  it('reads unpacked float_data, one fixed32 field per value', () => {
    const writer = new ProtoMessageWriter().int(TENSOR.dims, 3).int(TENSOR.dataType, 1).string(TENSOR.name, 'loose');
    [0.25, -4, 8.5].forEach((value) => writer.float(4, value));
    expect(readTensorProto(writer.finish()).values).toEqual(Float32Array.of(0.25, -4, 8.5));
  });

  it('reads raw_data from an unaligned view into a shared Node buffer', () => {
    const values = Float32Array.from({ length: 7 }, (_, index) => Math.sin(index));
    const encoded = encodeTensor('w', [7], values);
    const pool = Buffer.alloc(encoded.length + 3, 0xff);
    pool.set(encoded, 1);
    expect(readTensorProto(pool.subarray(1, 1 + encoded.length)).values).toEqual(values);
  });

  it('rejects a float tensor whose value count does not match its dims', () => {
    const tensor = new ProtoMessageWriter().int(TENSOR.dims, 3).int(TENSOR.dataType, 1).string(TENSOR.name, 'short').bytes(TENSOR.rawData, littleEndian([1, 2])).finish();
    expect(() => readTensorProto(tensor)).toThrow(/'short' of shape \[3\] holds 2 values instead of 3/);
  });

  describe('on the reference fixture', () => {
    const fixture = new Uint8Array(readFileSync(fixturePath));
    const tensors = initializersOf(fixture).map(readTensorProto);

    it('reads every initializer as a float32 tensor with consistent shapes', () => {
      expect(tensors.map((tensor) => tensor.name)).toEqual([...summarizeOnnxModel(fixture).initializers]);
      const byName = new Map(tensors.map((tensor) => [tensor.name, tensor]));
      let channels = 3;
      for (const layer of [0, 3, 6, 9, 12]) {
        const weight = byName.get(`features.${layer}.weight`)!;
        expect(weight.dims).toEqual([weight.dims[0], channels, 3, 3]);
        expect(byName.get(`features.${layer}.bias`)!.dims).toEqual([weight.dims[0]]);
        channels = weight.dims[0]!;
      }
      expect(byName.get('classifier.weight')!.dims).toEqual([10, channels]);
      expect(byName.get('classifier.bias')!.dims).toEqual([10]);
      for (const tensor of tensors) {
        expect(tensor.dataType).toBe(1);
        expect(tensor.values!.length).toBe(tensor.dims.reduce((product, axis) => product * axis, 1));
        expect(tensor.values!.every(Number.isFinite)).toBe(true);
      }
    });

    it('reads the values onnxruntime uses: a zero image makes the first convolution output its bias', async () => {
      const bias = tensors.find((tensor) => tensor.name === 'features.0.bias')!.values!;
      const tap = '/features/features.0/Conv_output_0';
      const backend = await OnnxBackend.load({ path: fixturePath });
      try {
        const result = await backend.run({ input: { shape: [1, 3, 128, 128], data: new Float32Array(3 * 128 * 128) }, taps: [tap] });
        const activation = result.activations.get(tap)!;
        expect(activation.shape).toEqual([1, bias.length, 128, 128]);
        bias.forEach((value, channel) => {
          const plane = activation.data.subarray(channel * 128 * 128, (channel + 1) * 128 * 128);
          expect(plane.every((entry) => entry === value)).toBe(true);
        });
      } finally {
        await backend.dispose();
      }
    });
  });
});
