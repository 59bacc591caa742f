import { PolycamError } from '@polycam/core';
import type { ProtoField } from './ProtoField.js';

const EMPTY = new Uint8Array(0);
/** Wire types 3 and 4 open and close a (deprecated) group, which is skipped whole. */
const START_GROUP = 3;
const END_GROUP = 4;

function invalid(why: string, offset: number): never {
  throw new PolycamError('invalid-model', `invalid protobuf: ${why} at byte ${offset}`);
}

/**
 * A cursor over one message. Every length is checked against the bytes that remain before
 * anything is sliced, so a declared length never drives an allocation or a read past the end.
 */
class WireCursor {
  public pos = 0;

  public constructor(private readonly message: Uint8Array) {}

  /** An unsigned varint of at most 10 bytes, as a bigint (64 bits, wrapped as protobuf does). */
  public varint(): bigint {
    const start = this.pos;
    let value = 0n;
    for (let index = 0; index < 10; index += 1) {
      if (this.pos >= this.message.length) invalid('truncated varint', start);
      const byte = this.message[this.pos++]!;
      value |= BigInt(byte & 0x7f) << BigInt(7 * index);
      if (byte < 0x80) return BigInt.asUintN(64, value);
    }
    return invalid('varint longer than 10 bytes', start);
  }

  /** Moves past `length` bytes, refusing to go beyond the message. */
  public skip(length: bigint | number, what: string): void {
    if (BigInt(length) > BigInt(this.message.length - this.pos)) {
      invalid(`${what} of ${length} bytes with only ${this.message.length - this.pos} left`, this.pos);
    }
    this.pos += Number(length);
  }

  /** Moves past one field's payload of a fixed-size or group wire type. */
  public skipPayload(wireType: number, start: number): void {
    if (wireType === 1) this.skip(8, 'fixed64 field');
    else if (wireType === 5) this.skip(4, 'fixed32 field');
    else if (wireType === START_GROUP) this.skipGroup(start);
    else invalid(`wire type ${wireType}`, start);
  }

  /** Skips a group and the groups nested in it, with a counter instead of recursion. */
  private skipGroup(start: number): void {
    let depth = 1;
    while (depth > 0) {
      if (this.pos >= this.message.length) invalid('unterminated group', start);
      const tag = this.tag();
      const wireType = tag & 7;
      if (wireType === START_GROUP) depth += 1;
      else if (wireType === END_GROUP) depth -= 1;
      else if (wireType === 0) this.varint();
      else if (wireType === 2) this.skip(this.varint(), 'length-delimited field');
      else this.skipPayload(wireType, this.pos);
    }
  }

  /** A field's tag; field number 0 and tags beyond 32 bits are refused. */
  public tag(): number {
    const start = this.pos;
    const tag = this.varint();
    if (tag > 0xffffffffn) invalid('tag beyond 32 bits', start);
    if (tag >> 3n === 0n) invalid('field number 0', start);
    return Number(tag);
  }
}

/**
 * Splits a protobuf message into its top-level fields, without a schema, so that unknown fields
 * survive a rewrite untouched. The reader is bounded: every declared length is checked against
 * the bytes left before it is used, and groups are skipped without recursion.
 *
 * @internal
 * @param message - The message's bytes.
 * @returns Its fields in wire order.
 * @throws {@link PolycamError} `invalid-model` when the bytes are not a valid protobuf message.
 */
export function readProtoFields(message: Uint8Array): ProtoField[] {
  const cursor = new WireCursor(message);
  const fields: ProtoField[] = [];
  while (cursor.pos < message.length) {
    const start = cursor.pos;
    const tag = cursor.tag();
    const number = tag >>> 3;
    const wireType = tag & 7;
    let bytes: Uint8Array = EMPTY;
    let varint = 0;
    if (wireType === 2) {
      const length = cursor.varint();
      const from = cursor.pos;
      cursor.skip(length, 'length-delimited field');
      bytes = message.subarray(from, cursor.pos);
    } else if (wireType === 0) {
      varint = Number(BigInt.asIntN(64, cursor.varint()));
    } else {
      cursor.skipPayload(wireType, start);
    }
    fields.push({ number, wireType, bytes, varint, raw: message.subarray(start, cursor.pos) });
  }
  return fields;
}
