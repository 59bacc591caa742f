import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { PolycamError, type PolycamErrorKind } from '@polycam/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readInitializers } from './readInitializers.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';
import { summarizeOnnxModel } from './summarizeOnnxModel.js';
import { withGraphOutputs } from './withGraphOutputs.js';
import { withMaskedInput } from './withMaskedInput.js';
import { withRandomizedInitializers } from './withRandomizedInitializers.js';

const { model: MODEL, graph: GRAPH } = onnxFields;
// A copy of its own: the builder may return a Buffer, whose slice() would not copy.
const model = new Uint8Array(buildTinyCnn({ size: 8, classes: 2 }));
const weights = [...readInitializers(model).keys()];
const settings = { seed: 12, numRuns: 150 };

/** Every parser of the ONNX wire format, with the error kinds each may throw. */
const parsers: readonly [string, (bytes: Uint8Array) => unknown, readonly PolycamErrorKind[]][] = [
  ['readProtoFields', readProtoFields, ['invalid-model']],
  ['summarizeOnnxModel', summarizeOnnxModel, ['invalid-model']],
  ['readInitializers', readInitializers, ['invalid-model']],
  ['readTensorProto', readTensorProto, ['invalid-model']],
  ['withGraphOutputs', (bytes) => withGraphOutputs(bytes, ['extra'], []), ['invalid-model']],
  ['withMaskedInput', (bytes) => withMaskedInput(bytes, { name: 'input', layout: 'NCHW', shape: [3, 8, 8], opset: 13 }), ['invalid-model']],
  // A mutated model may lose a named initialiser: that is the caller's unknown name.
  ['withRandomizedInitializers', (bytes) => withRandomizedInitializers(bytes, weights, 1), ['invalid-model', 'unknown-layer']],
];

/** Runs every parser on `bytes`: each returns, or throws a PolycamError of one of its kinds. */
function parsesOrThrowsTyped(bytes: Uint8Array): void {
  for (const [name, parse, kinds] of parsers) {
    try {
      parse(bytes);
    } catch (error) {
      if (!(error instanceof PolycamError) || !kinds.includes(error.kind)) {
        throw new Error(`${name} threw ${String(error)}`, { cause: error });
      }
    }
  }
}

function kindOf(run: () => unknown): PolycamErrorKind | 'returned' | 'untyped' {
  try {
    run();
    return 'returned';
  } catch (error) {
    return error instanceof PolycamError ? error.kind : 'untyped';
  }
}

/** A length-delimited field `number` that declares `length` bytes, followed by `payload`. */
function declaring(number: number, length: bigint, payload: Uint8Array): Uint8Array {
  const varint: number[] = [];
  for (let rest = length; ; rest >>= 7n) {
    if (rest < 0x80n) {
      varint.push(Number(rest));
      break;
    }
    varint.push(Number(rest & 0x7fn) | 0x80);
  }
  return Uint8Array.from([(number << 3) | 2, ...varint, ...payload]);
}

describe('the ONNX parsers under fuzzing', () => {
  it('return or throw invalid-model for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => parsesOrThrowsTyped(bytes)), settings);
  });

  it('return or throw invalid-model for a real model truncated and with bytes flipped', () => {
    const flips = fc.array(fc.tuple(fc.nat(model.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 4 });
    fc.assert(
      fc.property(fc.nat(model.length), flips, (cut, flipped) => {
        const bytes = model.slice(0, cut);
        for (const [at, xor] of flipped) if (at < bytes.length) bytes[at]! ^= xor;
        parsesOrThrowsTyped(bytes);
      }),
      { ...settings, numRuns: 60 },
    );
  });

  it('return or throw invalid-model when a field anywhere in a real model gets another wire type', () => {
    fc.assert(
      fc.property(fc.nat(model.length - 1), fc.integer({ min: 0, max: 7 }), (at, wireType) => {
        const bytes = model.slice();
        bytes[at] = (bytes[at]! & ~7) | wireType;
        parsesOrThrowsTyped(bytes);
      }),
      { ...settings, numRuns: 60 },
    );
  });

  it('refuse, as invalid-model and without allocating it, a tiny file that declares a 2^40-byte field', () => {
    const huge = declaring(MODEL.graph, 2n ** 40n, Uint8Array.from([1, 2, 3]));
    expect(huge.length).toBeLessThan(16);
    for (const [name, parse] of parsers) expect([name, kindOf(() => parse(huge))]).toEqual([name, 'invalid-model']);
    expect(() => readProtoFields(huge)).toThrow(/length-delimited field of 1099511627776 bytes with only 3 left/);
    // The same lie inside the real model's graph, at the front of it.
    const graph = readProtoFields(model).find((field) => field.number === MODEL.graph)!;
    const lying = new ProtoMessageWriter().bytes(MODEL.graph, Uint8Array.from([...declaring(GRAPH.node, 2n ** 40n, new Uint8Array(0)), ...graph.bytes])).finish();
    expect(kindOf(() => summarizeOnnxModel(lying))).toBe('invalid-model');
    expect(kindOf(() => readInitializers(lying))).toBe('invalid-model');
  });

  it('skip groups nested 100000 deep without recursing, and refuse an unterminated one as invalid-model', () => {
    const depth = 100_000;
    const open = new Uint8Array(depth).fill((1 << 3) | 3);
    const close = new Uint8Array(depth).fill((1 << 3) | 4);
    const closed = Uint8Array.from([...open, ...close]);
    expect(readProtoFields(closed).map((field) => [field.number, field.wireType, field.raw.length])).toEqual([[1, 3, 2 * depth]]);
    for (const [name, parse] of parsers) expect([name, kindOf(() => parse(open))]).toEqual([name, 'invalid-model']);
  });

  it('read a packed run of 300000 dims, one by one, instead of as call arguments', () => {
    const dims = new Uint8Array(300_000).fill(1);
    const tensor = Uint8Array.from([...declaring(onnxFields.tensor.dims, BigInt(dims.length), dims), 0x10, 1]); // data_type float
    expect(kindOf(() => readTensorProto(tensor))).toBe('invalid-model'); // 300000 dims of 1 want 1 value, none is given
    expect(readTensorProto(tensor.subarray(0, tensor.length - 2)).dims).toHaveLength(dims.length);
  });

  it('take the highest of 200000 opset entries without spreading them as call arguments', () => {
    const graph = readProtoFields(model).find((field) => field.number === MODEL.graph)!;
    const opset = new ProtoMessageWriter().int(onnxFields.opset.version, 7).finish();
    const entry = new ProtoMessageWriter().bytes(MODEL.opsetImport, opset).finish();
    const entries = new Uint8Array(entry.length * 200_000);
    for (let index = 0; index < 200_000; index += 1) entries.set(entry, index * entry.length);
    expect(summarizeOnnxModel(Uint8Array.from([...graph.raw, ...entries])).opset).toBe(7);
  });

  it('refuse a float tensor with a negative dim as invalid-model', () => {
    const tensor = Uint8Array.from([0x08, ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 0x10, 1]);
    expect(readTensorProto(tensor.subarray(0, 11)).dims).toEqual([-1]);
    expect(() => readTensorProto(tensor)).toThrow(/negative dim/);
    expect(kindOf(() => readTensorProto(tensor))).toBe('invalid-model');
  });
});
