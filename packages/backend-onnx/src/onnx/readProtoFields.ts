import protobuf from 'protobufjs/minimal.js';
import type { ProtoField } from './ProtoField.js';

function toNumber(value: number | protobuf.Long): number {
  if (typeof value === 'number') return value;
  return Number(BigInt.asIntN(64, (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0)));
}

/**
 * Splits a protobuf message into its top-level fields, without a schema, so that unknown fields
 * survive a rewrite untouched.
 *
 * @internal
 * @param message - The message's bytes.
 * @returns Its fields in wire order.
 * @throws Error when the bytes are not a valid protobuf message.
 */
export function readProtoFields(message: Uint8Array): ProtoField[] {
  const reader = protobuf.Reader.create(message);
  const fields: ProtoField[] = [];
  const empty: Uint8Array = new Uint8Array(0);
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const tag = reader.uint32();
    const number = tag >>> 3;
    const wireType = tag & 7;
    if (number === 0) {
      throw new Error('invalid protobuf: field number 0');
    }
    let bytes: Uint8Array = empty;
    let varint = 0;
    if (wireType === 2) {
      bytes = reader.bytes();
    } else if (wireType === 0) {
      varint = toNumber(reader.int64());
    } else {
      reader.skipType(wireType);
    }
    fields.push({ number, wireType, bytes, varint, raw: message.subarray(start, reader.pos) });
  }
  return fields;
}
