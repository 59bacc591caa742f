import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readProtoFields } from './readProtoFields.js';

const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/model.onnx', import.meta.url))));

function join(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe('readProtoFields', () => {
  it('splits every wire type, written here by hand', () => {
    const message = Uint8Array.from([
      0x08, 0x96, 0x01, // field 1, varint 150
      0x12, 0x02, 0x68, 0x69, // field 2, length-delimited "hi"
      0x19, 1, 2, 3, 4, 5, 6, 7, 8, // field 3, fixed64
      0x25, 9, 10, 11, 12, // field 4, fixed32
      0x28, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, // field 5, varint −1 as int64
      0x82, 0x01, 0x01, 0x00, // field 16 (two-byte tag), length-delimited [0]
      0x08, 0x00, // field 1 again, varint 0
    ]);
    const fields = readProtoFields(message);
    expect(fields.map((field) => [field.number, field.wireType])).toEqual([[1, 0], [2, 2], [3, 1], [4, 5], [5, 0], [16, 2], [1, 0]]);
    expect(fields[0]!.varint).toBe(150);
    expect(new TextDecoder().decode(fields[1]!.bytes)).toBe('hi');
    expect(fields[2]!.bytes).toHaveLength(0);
    expect([...fields[2]!.raw]).toEqual([0x19, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...fields[3]!.raw]).toEqual([0x25, 9, 10, 11, 12]);
    expect(fields[4]!.varint).toBe(-1);
    expect([...fields[5]!.bytes]).toEqual([0]);
    expect([...fields[5]!.raw]).toEqual([0x82, 0x01, 0x01, 0x00]);
    expect(fields[6]!.varint).toBe(0);
    expect(fields.map((field) => field.raw.length)).toEqual([3, 4, 9, 5, 11, 4, 2]);
    expect(join(fields.map((field) => field.raw))).toEqual(message);
  });

  it('reads nothing from nothing, and refuses field 0 and truncated messages', () => {
    expect(readProtoFields(new Uint8Array(0))).toEqual([]);
    expect(() => readProtoFields(Uint8Array.from([0x00, 0x01]))).toThrow();
    expect(() => readProtoFields(Uint8Array.from([0x12, 0x05, 0x61]))).toThrow(); // 5 bytes announced, 1 given
    expect(() => readProtoFields(Uint8Array.from([0x08, 0x80]))).toThrow(); // unfinished varint
    expect(() => readProtoFields(Uint8Array.from([0x25, 1, 2]))).toThrow(); // short fixed32
  });

  it('keeps raw bytes that re-join into the fixture model byte for byte, at every level', () => {
    const fields = readProtoFields(fixture);
    // ModelProto: ir_version, producer_name, producer_version, graph, opset_import.
    expect(fields.map((field) => field.number)).toEqual([1, 2, 3, 7, 8]);
    expect(Buffer.from(join(fields.map((field) => field.raw))).equals(Buffer.from(fixture))).toBe(true);
    const graph = fields.find((field) => field.number === 7)!;
    const graphFields = readProtoFields(graph.bytes);
    expect(graphFields).toHaveLength(18 + 1 + 12 + 1 + 1); // nodes, name, initializers, input, output
    expect(Buffer.from(join(graphFields.map((field) => field.raw))).equals(Buffer.from(graph.bytes))).toBe(true);
    // Nodes, initializers, inputs and outputs are messages too (field 2, the name, is a string).
    const children = graphFields.filter((field) => [1, 5, 11, 12].includes(field.number));
    expect(children).toHaveLength(18 + 12 + 1 + 1);
    for (const child of children) {
      const parts = readProtoFields(child.bytes);
      expect(Buffer.from(join(parts.map((part) => part.raw))).equals(Buffer.from(child.bytes))).toBe(true);
    }
    // A raw field is its tag, its length and its payload: the payload is the raw's tail.
    expect(Buffer.from(graph.raw.subarray(graph.raw.length - graph.bytes.length)).equals(Buffer.from(graph.bytes))).toBe(true);
  });
});
